package org.safegate.inspect.read;

import java.util.List;
import java.util.Objects;

/**
 * One record as read: the line it starts on, its columns and its values (never null; a missing
 * JSON field or a null reads as empty). Extra columns beyond the contract are kept.
 */
public final class RawRecord {
    private final long line;
    private final Columns columns;
    private final String[] values;

    public RawRecord(long line, Columns columns, List<String> values) {
        this.line = line;
        this.columns = Objects.requireNonNull(columns, "columns");
        this.values = values.toArray(String[]::new);
        if (this.values.length != columns.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
        }
    }

    /** A record over an array the caller hands over and no longer changes (readers, per record). */
    public RawRecord(long line, Columns columns, String[] values) {
        this.line = line;
        this.columns = Objects.requireNonNull(columns, "columns");
        this.values = values;
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
    }

    /** The 1-based line of the file where the record starts. */
    public long line() {
        return line;
    }

    public Columns columns() {
        return columns;
    }

    public String value(int column) {
        return values[column];
    }

    /** The value of the named column; empty when the record has no such column. */
    public String value(String column) {
        int position = columns.indexOf(column);
        return position < 0 ? "" : values[position];
    }

    /** A copy of this record with some values replaced (same columns). */
    public RawRecord with(List<String> newValues) {
        return new RawRecord(line, columns, newValues);
    }

    public List<String> values() {
        return List.of(values);
    }
}
