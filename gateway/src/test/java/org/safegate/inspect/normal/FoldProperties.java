package org.safegate.inspect.normal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Folding Latin text by table gives what the general Unicode path gives. */
class FoldProperties {
    @Test
    void everyLatinCharacterPairFoldsAsTheGeneralPath() {
        for (char a = 0; a < LatinFold.LIMIT; a++) {
            for (char b = 0; b < LatinFold.LIMIT; b++) {
                String text = "" + a + b;
                assertThat(Text.fold(text)).as("U+%04X U+%04X", (int) a, (int) b).isEqualTo(Text.foldGeneral(text));
            }
        }
    }

    @Property(tries = 1000)
    void latinTextFoldsAsTheGeneralPath(@ForAll("latin") String text) {
        assertThat(Text.fold(text)).isEqualTo(Text.foldGeneral(text));
    }

    @Provide
    Arbitrary<String> latin() {
        return Arbitraries.strings().withCharRange('\u0000', (char) (LatinFold.LIMIT - 1)).ofMaxLength(30);
    }
}
