package org.safegate.inspect.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.inspect.InspectFixtures;

/** Bad request files: each one is refused whole, with the line, column or byte and the reason. */
class RequestFileTest {
    private static final int LIMIT = 64 * 1024;

    @Test
    void anEmptyFileHasNoHeader() {
        assertRefused("", "requests.csv", "no header: the file is empty");
    }

    @Test
    void aFileStartingWithDataHasNoHeader() {
        assertRefused(InspectFixtures.VALID_ROW + "\n", "line 1", "no header: the first line does not name the columns");
    }

    @Test
    void aMissingColumnIsNamed() {
        String header = InspectFixtures.HEADER.replace(",requesting_official", "");
        assertRefused(header + "\n", "line 1", "missing required column requesting_official");
    }

    @Test
    void aDuplicateHeaderIsNamedWithBothColumns() {
        assertRefused(InspectFixtures.HEADER + ",name\n", "line 1", "column 11: duplicate header 'name' (also column 2)");
    }

    @Test
    void semicolonsAreTheWrongDelimiter() {
        assertRefused(InspectFixtures.HEADER.replace(',', ';') + "\n", "line 1", "wrong delimiter", "semicolons");
    }

    @Test
    void tabsAreTheWrongDelimiter() {
        assertRefused(InspectFixtures.HEADER.replace(',', '\t') + "\n", "wrong delimiter", "tabs");
    }

    @Test
    void invalidUtf8IsLocatedByLineAndByteOffset() {
        byte[] head = (InspectFixtures.HEADER + "\nR1,Jos").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[head.length + 2];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xE9; // Latin-1 é
        bad[head.length + 1] = ',';
        assertThatThrownBy(() -> readAll(bad))
                .isInstanceOf(SafegateException.class)
                .hasMessageContaining("line 2, column 7")
                .hasMessageContaining("invalid UTF-8 at byte offset " + head.length)
                .hasMessageContaining("0xE9");
    }

    @Test
    void overlongAndSurrogateEncodingsAreInvalid() {
        for (byte[] sequence : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] head = (InspectFixtures.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] bad = new byte[head.length + sequence.length];
            System.arraycopy(head, 0, bad, 0, head.length);
            System.arraycopy(sequence, 0, bad, head.length, sequence.length);
            assertThatThrownBy(() -> readAll(bad)).hasMessageContaining("invalid UTF-8 at byte offset " + head.length);
        }
    }

    @Test
    void quotedFieldsMayHoldLineBreaksCommasAndQuotes() {
        String file = "\uFEFF" + InspectFixtures.HEADER + "\r\n"
                + "R1,\"Smith, John\",123 Main St,Springfield,IL,62701,2023,x,\"first line\r\nsecond \"\"quoted\"\" line\",J\r\n"
                + "R2,Ann,1 A St,B,IL,62701,2023,x,reason,J\r\n";
        List<RawRecord> records = readAll(file.getBytes(StandardCharsets.UTF_8));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value("name")).isEqualTo("Smith, John");
        assertThat(records.get(0).value("reason")).isEqualTo("first line\r\nsecond \"quoted\" line");
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(1).line()).as("the record after a two-line record starts on line 4").isEqualTo(4);
    }

    @Test
    void supplementaryCharactersSurviveDecoding() {
        String file = InspectFixtures.HEADER + "\nR1,Ann \uD83D\uDE00,1 A St,B,IL,62701,2023,x,reason,J\n";
        assertThat(readAll(file.getBytes(StandardCharsets.UTF_8)).get(0).value("name")).isEqualTo("Ann \uD83D\uDE00");
    }

    @Test
    void aTenMegabyteLineFailsFastWithBoundedMemory() {
        byte[] header = (InspectFixtures.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        long total = header.length + 10L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= total) {
                    return -1;
                }
                return position < header.length ? header[(int) position++] : (position++ % 7 == 0 ? ',' : 'x') & 0xFF;
            }
        };
        assertThatThrownBy(() -> readAll(huge))
                .isInstanceOf(SafegateException.class)
                .hasMessageContaining("line 2: record longer than 65536 bytes");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamed() {
        assertRefused(InspectFixtures.HEADER + "\nR1,only,three\n", "line 2: 3 fields, but the header has 10");
    }

    @Test
    void anUnclosedQuoteIsNamed() {
        assertRefused(InspectFixtures.HEADER + "\nR1,\"never closed\n", "line 2, column 2: a quoted field is never closed");
    }

    @Test
    void aStrayQuoteIsNamed() {
        assertRefused(InspectFixtures.HEADER + "\nR1,5\" pipe,x\n", "line 2, column 2: a double quote inside an unquoted field");
    }

    @Test
    void blankLinesAndExtraColumnsAreFine() {
        String file = "request_id,NAME , street,city,state,zip,taxable_periods,statute,reason,requesting_official,case\n\n"
                + InspectFixtures.VALID_ROW + ",C-9\n\n";
        List<RawRecord> records = readAll(file.getBytes(StandardCharsets.UTF_8));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.value("name")).isEqualTo("John Smith");
            assertThat(r.value("case")).isEqualTo("C-9");
            assertThat(r.line()).isEqualTo(3);
        });
    }

    private static void assertRefused(String file, String... fragments) {
        var thrown = assertThatThrownBy(() -> readAll(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafegateException.class)
                .satisfies(e -> assertThat(((SafegateException) e).code()).isEqualTo(ErrorCode.RECORD_FILE_INVALID))
                .hasMessageStartingWith("requests.csv");
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    private static List<RawRecord> readAll(byte[] file) {
        return readAll(new ByteArrayInputStream(file));
    }

    static List<RawRecord> readAll(InputStream in) {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(in, "requests.csv", RecordFormat.CSV, LIMIT, Columns.REQUEST_CONTRACT)) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                records.add(next.get());
            }
        }
        return records;
    }
}
