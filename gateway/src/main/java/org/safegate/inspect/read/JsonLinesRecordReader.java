package org.safegate.inspect.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * JSON Lines: one JSON object per line, values strings, numbers, booleans or null (read as empty).
 * Blank lines are skipped; a field missing from an object reads as empty, so the record checks
 * report it with its own code. Lines are read through the same strict UTF-8 decoder and byte limit
 * as CSV before Jackson parses them, so a huge line never reaches the parser.
 */
final class JsonLinesRecordReader implements RecordReader {
    private final Utf8Reader in;
    private final int maxRecordBytes;
    private final JsonFactory json = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final StringBuilder line = new StringBuilder();
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private Columns columns = Columns.of(List.of());

    JsonLinesRecordReader(InputStream in, String source, int maxRecordBytes) {
        this.in = new Utf8Reader(in, source);
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Optional<RawRecord> next() {
        while (true) {
            long lineNumber = in.line();
            if (!readLine()) {
                return Optional.empty();
            }
            if (!line.toString().isBlank()) {
                return Optional.of(parse(lineNumber, line.toString()));
            }
        }
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private boolean readLine() {
        line.setLength(0);
        long start = in.byteOffset();
        long lineNumber = in.line();
        int c = in.read();
        if (c == Utf8Reader.END) {
            return false;
        }
        while (c != '\n' && c != Utf8Reader.END) {
            if (in.byteOffset() - start > maxRecordBytes) {
                throw error(lineNumber, "record longer than " + maxRecordBytes
                        + " bytes (the limit); refusing to read further");
            }
            if (c != '\r') {
                line.append((char) c);
            }
            c = in.read();
        }
        return true;
    }

    private RawRecord parse(long lineNumber, String text) {
        names.clear();
        values.clear();
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(lineNumber, "each line must be one JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                names.add(name);
                values.add(scalar(lineNumber, name, parser.nextToken(), parser));
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw error(lineNumber, "each line must be exactly one JSON object");
            }
        } catch (JsonParseException e) {
            throw error(lineNumber, "column " + e.getLocation().getColumnNr() + ": invalid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw error(lineNumber, "invalid JSON: " + e.getMessage());
        }
        if (!columns.sameAs(names)) {
            columns = Columns.of(names);
        }
        return new RawRecord(lineNumber, columns, values);
    }

    private String scalar(long lineNumber, String name, JsonToken token, JsonParser parser) throws IOException {
        switch (token) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getText();
            case VALUE_NULL:
                return "";
            default:
                throw error(lineNumber, "field '" + name + "' must be a string, number or null, not " + token);
        }
    }

    private SafegateException error(long lineNumber, String message) {
        return new SafegateException(ErrorCode.RECORD_FILE_INVALID, in.source() + " line " + lineNumber + ", " + message);
    }
}
