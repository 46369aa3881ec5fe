package org.safegate.inspect.read;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Writes RFC 4180 CSV (CRLF line ends, a field quoted when it holds a comma, quote or line break).
 * In spreadsheet-safe mode, for files that people open, a cell starting with {@code = + - @}, tab or
 * carriage return gets a leading single quote, so a value such as {@code =HYPERLINK(...)} is shown as
 * text and never runs as a formula (OWASP "CSV injection").
 */
public final class CsvWriter {
    private final Writer out;
    private final String target;
    private final boolean spreadsheetSafe;

    public CsvWriter(Writer out, String target, boolean spreadsheetSafe) {
        this.out = out;
        this.target = target;
        this.spreadsheetSafe = spreadsheetSafe;
    }

    public void row(List<String> cells) {
        row(cells.toArray(String[]::new));
    }

    void row(RawRecord record) {
        try {
            for (int i = 0; i < record.columns().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                cell(record.value(i));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public void row(String[] cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                cell(cells[i]);
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private SafegateException failure(IOException e) {
        return new SafegateException(ErrorCode.IO_FAILURE, target + ": cannot write: " + e.getMessage(), e);
    }

    /** The text a spreadsheet shows as text: a leading single quote before a formula-like start. */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private void cell(String raw) throws IOException {
        String value = spreadsheetSafe ? neutralise(raw) : raw;
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
