package org.safegate.inspect.normal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalising a normalised value changes nothing, whatever a requester typed. */
class NormalizationProperties {
    private final AddressNormalizer address = new AddressNormalizer();
    private final NameNormalizer names = new NameNormalizer();

    @Property(tries = 500)
    void streetNormalisationIsIdempotent(@ForAll("streetLike") String raw) {
        String once = address.street(raw);
        assertThat(address.street(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    void streetNormalisationIsIdempotentOnAnyText(@ForAll("anyText") String raw) {
        String once = address.street(raw);
        assertThat(address.street(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    void nameCityStateZipNormalisationIsIdempotent(@ForAll("anyText") String raw) {
        assertThat(names.name(names.name(raw))).isEqualTo(names.name(raw));
        assertThat(address.city(address.city(raw))).isEqualTo(address.city(raw));
        assertThat(address.state(address.state(raw))).isEqualTo(address.state(raw));
        assertThat(address.zip(address.zip(raw))).isEqualTo(address.zip(raw));
    }

    @Provide
    Arbitrary<String> streetLike() {
        Arbitrary<String> word = Arbitraries.of("123", "45-67", "1/2", "#", "#5", "APT", "Apartment", "Suite", "STE",
                "North", "N.", "SW", "Southwest", "Street", "St.", "ST", "Avenue", "Ave", "Main", "Oak", "P.O.", "Box",
                "POB", "Post", "Office", "PO", "Unit", "Floor", "Blvd", "Boulevard", "O'Hara", "Calle", "Núñez",
                "PSC", "RR", "Trailer", "Front", "Lot", "East", "Way", ",", "  ");
        return word.list().ofMaxSize(8).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00C0', '\u017F')
                .withChars('\u2019', '\t', '\u00AA', '\u00DF', '\u01C5').ofMaxLength(40);
    }
}
