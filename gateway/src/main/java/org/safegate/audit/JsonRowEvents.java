package org.safegate.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.safegate.store.Database;

/**
 * The whole log read from SQLite for verification, each row as one JSON array built by SQLite
 * itself: the driver then crosses into native code once per row instead of once per column, and
 * the arrays are parsed on every core ({@link RawEvents}). Reading rows one column at a time on a
 * single thread was what bounded verification from the store.
 */
final class JsonRowEvents implements RawEvents, EventStream {
    private static final JsonFactory JSON = new JsonFactory();

    private final RowCursor<String> rows;

    JsonRowEvents(Database database) {
        this.rows = new RowCursor<>(database, "SELECT json_array(" + AuditEventRows.COLUMNS
                + ") FROM audit_event ORDER BY seq", statement -> { }, row -> row.getString(1));
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Object nextRaw() {
        return rows.next();
    }

    @Override
    public AuditEvent decode(Object raw) {
        String[] values = new String[22];
        try (JsonParser parser = JSON.createParser((String) raw)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("an audit row is not a JSON array: " + raw);
            }
            for (int i = 0; i < values.length; i++) {
                JsonToken token = parser.nextToken();
                values[i] = token == JsonToken.VALUE_NULL ? null : parser.getText();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an audit row: " + e.getMessage(), e);
        }
        String reasons = values[17];
        AuditEntry entry = new AuditEntry(AuditEventType.valueOf(values[2]), values[3], values[4], values[5],
                Outcome.valueOf(values[6]), values[7], values[8], values[9], values[10], values[11], values[12],
                values[13], number(values[14]), number(values[15]), values[16],
                reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.trim().split(" ")),
                values[18], values[19]);
        return new AuditEvent(Long.parseLong(values[0]), Instant.parse(values[1]), entry, values[20], values[21]);
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    @Override
    public void close() {
        rows.close();
    }
}
