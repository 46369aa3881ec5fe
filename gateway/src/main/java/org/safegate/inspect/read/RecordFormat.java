package org.safegate.inspect.read;

import java.nio.file.Path;
import java.util.Locale;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** The two record file formats: CSV with a header row, and JSON Lines (one object per line). */
public enum RecordFormat {
    CSV,
    JSON_LINES;

    /** The format a file name announces: {@code .csv}, or {@code .jsonl} / {@code .ndjson}. */
    public static RecordFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        throw new SafegateException(ErrorCode.RECORD_FILE_INVALID,
                file + ": unknown record format; name the file *.csv, *.jsonl or *.ndjson");
    }
}
