package org.safegate.inspect.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.safegate.inspect.InspectFixtures;

/** The byte-level reader and writer give what the String-level forms give. */
class ByteLevelIoTest {
    private static final String HEADER = InspectFixtures.HEADER;

    @Test
    void recordsAreTheSameWhenTheStreamArrivesOneByteAtATime() {
        String file = "\uFEFF" + HEADER + "\r\n" + "R1,\"Núñez, \"\"Ana\"\"\",1 A St,B,IL,62701,2023,x,\"two\r\nlines\",J\r\n"
                + "R2,Ann \uD83D\uDE00,1 A St,B,IL,62701,2023,x,reason,J";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        List<RawRecord> whole = RequestFileTest.readAll(new ByteArrayInputStream(bytes));
        List<RawRecord> trickled = RequestFileTest.readAll(new OneByteAtATime(bytes));
        assertThat(trickled).extracting(RawRecord::line).containsExactly(2L, 4L);
        assertThat(trickled).extracting(RawRecord::values)
                .isEqualTo(whole.stream().map(RawRecord::values).toList());
        assertThat(trickled.get(0).value("name")).isEqualTo("Núñez, \"Ana\"");
    }

    @Test
    void aLoneCarriageReturnEndsARecordWithoutStartingALine() {
        String file = HEADER + "\n" + InspectFixtures.VALID_ROW + "\r" + InspectFixtures.VALID_ROW.replace("R", "S") + "\n";
        List<RawRecord> records = RequestFileTest.readAll(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(records).extracting(RawRecord::line).containsExactly(2L, 2L);
    }

    @Test
    void aRecordOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
        int limit = 64 * 1024;
        String prefix = "R1,Ann,1 A St,B,IL,62701,2023,x,";
        String fits = prefix + "r".repeat(limit - prefix.length() - 4) + ",J\r\n";
        assertThat(fits.length()).isEqualTo(limit);
        assertThat(RequestFileTest.readAll(new OneByteAtATime((HEADER + "\n" + fits).getBytes(StandardCharsets.UTF_8))))
                .hasSize(1);
        String over = prefix + "r".repeat(limit - prefix.length() - 3) + ",J\r\n";
        assertThatThrownBy(() -> RequestFileTest.readAll(new ByteArrayInputStream((HEADER + "\n" + over)
                .getBytes(StandardCharsets.UTF_8)))).hasMessageContaining("line 2: record longer than 65536 bytes");
    }

    @Property(tries = 300)
    void theWriterWritesTheBytesOfAnOutputStreamWriter(@ForAll("reasons") String first, @ForAll("reasons") String second)
            throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Writer jdk = new OutputStreamWriter(expected, StandardCharsets.UTF_8); Writer ours = new Utf8Writer(actual)) {
            for (Writer w : List.of(jdk, ours)) {
                w.write(first);
                w.write(second.toCharArray());
                w.write('\uD83D'); // a pair split over two writes
                w.write("\uDE00\uDC00x");
            }
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\u2019', '\t', 'ß', '\uD83D', '\uDE00')
                .ofMaxLength(30);
    }

    /** A stream that hands out one byte per read, so that every character straddles a refill. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int position;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            target[offset] = bytes[position++];
            return 1;
        }
    }
}
