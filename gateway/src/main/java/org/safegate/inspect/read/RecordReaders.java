package org.safegate.inspect.read;

import java.io.InputStream;
import java.util.List;

/** Opens a {@link RecordReader} for a format. */
public final class RecordReaders {
    private RecordReaders() {
    }

    /**
     * A reader over the stream (which the caller closes).
     *
     * @param source          the file name used in error messages
     * @param requiredColumns columns a CSV header must name; a JSON object lacking one reads it as empty
     */
    public static RecordReader open(InputStream in, String source, RecordFormat format, int maxRecordBytes,
                                    List<String> requiredColumns) {
        return switch (format) {
            case CSV -> new CsvRecordReader(in, source, maxRecordBytes, requiredColumns);
            case JSON_LINES -> new JsonLinesRecordReader(in, source, maxRecordBytes);
        };
    }
}
