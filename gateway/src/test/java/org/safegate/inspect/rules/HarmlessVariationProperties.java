package org.safegate.inspect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A valid record stays valid when written differently: other case, extra spaces, abbreviations
 * spelled out or shortened, other ZIP+4 and PO box forms. Its name and address normalise alike.
 */
class HarmlessVariationProperties {
    private static final List<String[]> VALID_STREETS = List.of(
            new String[] {"123 Main Street", "123 MAIN ST", "123  main st."},
            new String[] {"45 North Oak Avenue Apartment 4B", "45 N. Oak Ave. Apt. 4B", "45 n oak ave apt #4b"},
            new String[] {"P.O. Box 789", "PO BOX 789", "Post Office Box 789", "POB 789"},
            new String[] {"1600 Pennsylvania Avenue NW Suite 200", "1600 PENNSYLVANIA AVE. N.W., STE 200"});
    private static final List<String[]> VALID_ZIPS = List.of(
            new String[] {"12345-6789", "123456789", "12345 6789", " 12345-6789 "},
            new String[] {"00901", " 00901"});

    private final RequestNormalizer normalizer = new RequestNormalizer();
    // the IRS-ICE agreement's authority and the statute the test settings allow, judged on the day of arrival
    private final RequestRules rules = new RequestRules(normalizer.address(),
            List.of("8 U.S.C. 1253(a)(1)", "26 U.S.C. 6103(i)(2)"), LocalDate.of(2026, 3, 1), 20);

    @Property(tries = 300)
    void variationsOfAValidRecordStayValidAndNormaliseAlike(@ForAll("variant") Variant variant) {
        RequestRecord a = normalizer.normalise(variant.first());
        RequestRecord b = normalizer.normalise(variant.second());
        assertThat(rules.check(a, false, false)).isEmpty();
        assertThat(rules.check(b, false, false)).isEmpty();
        assertThat(List.of(b.name(), b.street(), b.city(), b.state(), b.zip(), b.taxablePeriods()))
                .isEqualTo(List.of(a.name(), a.street(), a.city(), a.state(), a.zip(), a.taxablePeriods()));
    }

    record Variant(RequestRecord first, RequestRecord second) {
    }

    @Provide
    Arbitrary<Variant> variant() {
        Arbitrary<Integer> street = Arbitraries.integers().between(0, VALID_STREETS.size() - 1);
        Arbitrary<Integer> zip = Arbitraries.integers().between(0, VALID_ZIPS.size() - 1);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(street, zip, seed).as((s, z, r) -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(r);
            return new Variant(record(VALID_STREETS.get(s), VALID_ZIPS.get(z), random),
                    record(VALID_STREETS.get(s), VALID_ZIPS.get(z), random));
        });
    }

    private static RequestRecord record(String[] streets, String[] zips, java.util.SplittableRandom random) {
        return new RequestRecord(2, " R-17 ", vary("Anne-Marie O'Brien", random),
                vary(streets[random.nextInt(streets.length)], random), vary("San Juan", random),
                vary(random.nextBoolean() ? "PR" : "Puerto Rico", random), zips[random.nextInt(zips.length)],
                random.nextBoolean() ? "2019-2021" : " 2019 - 2021 ", vary("26 U.S.C. 6103(i)(2)", random),
                "Named in affidavit 17", "Jane Agent");
    }

    /** Changes case and spacing only. */
    private static String vary(String text, java.util.SplittableRandom random) {
        String cased = switch (random.nextInt(3)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
        String spaced = random.nextBoolean() ? cased.replace(" ", "  ") : cased;
        return random.nextBoolean() ? " " + spaced + " " : spaced;
    }
}
