package org.safegate.inspect.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safegate.SafegateException;

/** JSON Lines request files: good ones read field by field, bad ones name the line. */
class JsonLinesFileTest {

    @Test
    void readsObjectsSkipsBlankLinesAndReadsMissingOrNullFieldsAsEmpty() {
        List<RawRecord> records = read("{\"request_id\":\"R1\",\"name\":\"Ann\",\"zip\":62701,\"reason\":null}\n\n"
                + "{\"request_id\":\"R2\",\"name\":\"Line\\nbreak\"}\r\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value("zip")).isEqualTo("62701");
        assertThat(records.get(0).value("reason")).isEmpty();
        assertThat(records.get(0).value("statute")).as("absent field").isEmpty();
        assertThat(records.get(1).value("name")).isEqualTo("Line\nbreak");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void aLineThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> read("{\"request_id\":\"R1\"}\n[1,2]\n"))
                .isInstanceOf(SafegateException.class).hasMessageContaining("requests.jsonl line 2, each line must be one JSON object");
    }

    @Test
    void nestedValuesAreRefused() {
        assertThatThrownBy(() -> read("{\"request_id\":{\"a\":1}}\n"))
                .hasMessageContaining("line 1, field 'request_id' must be a string, number or null");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}\n"))
                .hasMessageContaining("line 1, column").hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"name\":\"a\"}\n{\"name\" \"b\"}\n")).hasMessageContaining("line 2, column 9: invalid JSON");
    }

    @Test
    void anOverlongLineFailsBeforeParsing() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}\n";
        assertThatThrownBy(() -> read(huge)).hasMessageContaining("line 1, record longer than 65536 bytes");
    }

    private static List<RawRecord> read(String text) {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "requests.jsonl", RecordFormat.JSON_LINES, 64 * 1024, Columns.REQUEST_CONTRACT)) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                records.add(next.get());
            }
        }
        return records;
    }
}
