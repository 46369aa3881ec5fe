package org.safegate.inspect;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.inspect.read.CsvWriter;
import org.safegate.inspect.read.Utf8Writer;
import org.safegate.inspect.rules.RecordProblem;

/**
 * The rejection file the requester gets back: CSV, one row per refused record, with its line, its
 * request_id, every reason code (separated by {@code ;}) and every reason sentence (separated by
 * {@code " | "}). People open it in spreadsheets, and its cells echo what the requester sent, so
 * every cell is written spreadsheet-safe.
 */
final class RejectionWriter implements Closeable {
    static final List<String> HEADER = List.of("line", "request_id", "reason_codes", "reasons");

    private final Writer out;
    private final String target;
    private final CsvWriter csv;

    RejectionWriter(OutputStream stream, String target) {
        this.out = new Utf8Writer(stream);
        this.target = target;
        this.csv = new CsvWriter(out, target, true);
        csv.row(HEADER);
    }

    void write(long line, String requestId, List<RecordProblem> problems) {
        StringBuilder codes = new StringBuilder();
        StringBuilder sentences = new StringBuilder();
        for (RecordProblem problem : problems) {
            if (codes.length() > 0) {
                codes.append(';');
                sentences.append(" | ");
            }
            codes.append(problem.code().name());
            sentences.append(problem.sentence());
        }
        csv.row(new String[] {Long.toString(line), requestId, codes.toString(), sentences.toString()});
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
