package org.safegate.inspect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.safegate.inspect.normal.Text;

/** Reason fingerprints taken from the bytes give what fingerprinting the String-level words gives. */
class ReasonKeysProperties {
    @Property(tries = 500)
    void reasonFingerprintsMatchTheirWords(@ForAll("reasons") String reason) {
        ReasonKeys keys = new ReasonKeys();
        String words = Text.words(reason);
        assertThat(keys.of(reason)).isEqualTo(!words.isEmpty());
        if (!words.isEmpty()) {
            assertThat(keys.fingerprint()).isEqualTo(Fingerprint.of(words));
        }
    }

    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\u2019', '\t', 'ß', '\uD83D', '\uDE00')
                .ofMaxLength(30);
    }
}
