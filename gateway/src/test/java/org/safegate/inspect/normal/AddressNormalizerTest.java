package org.safegate.inspect.normal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of the normal forms: what requesters write and what it is compared as. */
class AddressNormalizerTest {
    private final AddressNormalizer address = new AddressNormalizer();
    private final NameNormalizer names = new NameNormalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123 Main Street|123 MAIN ST",
        "  123   main   st.  |123 MAIN ST",
        "45 North Oak Avenue Apartment 4B|45 N OAK AVE APT 4B",
        "45 N. Oak Ave., Apt. #4B|45 N OAK AVE APT 4B",
        "1600 Pennsylvania Avenue Northwest Suite 200|1600 PENNSYLVANIA AVE NW STE 200",
        "12 North Street|12 NORTH ST",
        "40 Pine Street|40 PINE ST",
        "77 Elm St #5|77 ELM ST # 5",
        "123-45 Queens Boulevard|123-45 QUEENS BLVD",
        "12 1/2 Water St|12 1/2 WATER ST",
        "P.O. Box 789|PO BOX 789",
        "POB 55|PO BOX 55",
        "Post Office Box 500012|PO BOX 500012",
        "p o box 12|PO BOX 12",
        "POBox 7|PO BOX 7",
        "PSC 1234 Box 5678|PSC 1234 BOX 5678",
        "9 Calle Núñez|9 CALLE NUNEZ",
    })
    void streets(String raw, String normal) {
        assertThat(address.street(raw)).isEqualTo(normal);
        assertThat(address.street(normal)).as("idempotent").isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12345|12345", "12345-6789|12345-6789", "123456789|12345-6789", "12345 6789|12345-6789",
        " 02134-1234 |02134-1234", "1234|1234", "12345-67|12345-67", "abcde|ABCDE",
    })
    void zips(String raw, String normal) {
        assertThat(address.zip(raw)).isEqualTo(normal);
        assertThat(address.zip(normal)).isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "il|IL", "N.Y.|NY", "New York|NY", "district of columbia|DC", "Puerto Rico|PR", "gu|GU", "ae|AE", "Ontario|ONTARIO",
        "#.0.a|# 0 A",
    })
    void states(String raw, String normal) {
        assertThat(address.state(raw)).isEqualTo(normal);
        assertThat(address.state(normal)).isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mary O'Brien|MARY OBRIEN", "Anne-Marie  Smith-Jones|ANNE-MARIE SMITH-JONES", "José Núñez|JOSE NUNEZ",
        "Smith, John Q.|SMITH JOHN Q", "Dominic D’Angelo Jr.|DOMINIC DANGELO JR", "Straße|STRASSE",
    })
    void names(String raw, String normal) {
        assertThat(names.name(raw)).isEqualTo(normal);
        assertThat(names.name(normal)).isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123 MAIN ST|true", "PO BOX 789|true", "PSC 1234 BOX 5678|true", "RR 2 BOX 15|true",
        "MAIN ST|false", "PO BOX|false", "123|false", "123 APT 4|false", "APT 4|false", "''|false",
    })
    void deliverableStreetLines(String normalised, boolean deliverable) {
        assertThat(address.isDeliverable(normalised)).isEqualTo(deliverable);
    }
}
