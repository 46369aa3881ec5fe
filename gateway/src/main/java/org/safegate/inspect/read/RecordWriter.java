package org.safegate.inspect.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Writes records in the format they came in: CSV with the input's header, or JSON Lines with each
 * record's own fields. Values are written as they are, unescaped for spreadsheets: this file goes to
 * a machine (the data holder's matching), and its ids must come back unchanged in the answers.
 */
public final class RecordWriter implements Closeable {
    private final RecordFormat format;
    private final String target;
    private final Writer out;
    private final CsvWriter csv;
    private final JsonGenerator json;
    private boolean headerWritten;
    /** Lines written so far, counted as the readers count them (a line feed inside a quoted CSV value starts a line). */
    private long lines;

    public RecordWriter(OutputStream stream, String target, RecordFormat format) {
        this.format = format;
        this.target = target;
        this.out = new Utf8Writer(stream);
        this.csv = new CsvWriter(out, target, false);
        try {
            this.json = format == RecordFormat.JSON_LINES ? new JsonFactory().createGenerator(out) : null;
            if (json != null) {
                json.setRootValueSeparator(null);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes the CSV header even when no record follows, so an empty result is still a valid file. */
    public void header(Columns columns) {
        if (format == RecordFormat.CSV && !headerWritten) {
            csv.row(columns.names());
            headerWritten = true;
            lines++;
        }
    }

    /** Writes the record; returns the 1-based line of the written file it starts on. */
    public long write(RawRecord record) {
        if (format == RecordFormat.CSV) {
            header(record.columns());
            long start = lines + 1;
            csv.row(record);
            lines = start;
            for (int i = 0; i < record.columns().size(); i++) {
                lines += lineFeeds(record.value(i));
            }
            return start;
        }
        try {
            json.writeStartObject();
            for (int i = 0; i < record.columns().size(); i++) {
                json.writeStringField(record.columns().name(i), record.value(i));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw failure(e);
        }
        // the generator escapes line breaks inside values: one record, one line
        return ++lines;
    }

    private static long lineFeeds(String value) {
        long count = 0;
        for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                json.close();
            }
            out.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private SafegateException failure(IOException e) {
        return new SafegateException(ErrorCode.IO_FAILURE, target + ": cannot write: " + e.getMessage(), e);
    }
}
