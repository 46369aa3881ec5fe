package org.safegate.inspect.read;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a record file (a CSV header, or a JSON object's keys), in order. */
public final class Columns {
    /** The request contract: every request file has at least these columns. */
    public static final List<String> REQUEST_CONTRACT = List.of("request_id", "name", "street", "city", "state",
            "zip", "taxable_periods", "statute", "reason", "requesting_official");

    private final String[] names;
    private final Map<String, Integer> index;

    private Columns(String[] names, Map<String, Integer> index) {
        this.names = names;
        this.index = index;
    }

    /**
     * Columns from names already known to be distinct.
     *
     * @throws IllegalArgumentException when a name repeats; readers check first to name the line
     */
    public static Columns of(List<String> names) {
        String[] copy = names.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < copy.length; i++) {
            if (index.putIfAbsent(copy[i], i) != null) {
                throw new IllegalArgumentException("duplicate column " + copy[i]);
            }
        }
        return new Columns(copy, Map.copyOf(index));
    }

    public int size() {
        return names.length;
    }

    public String name(int column) {
        return names[column];
    }

    public List<String> names() {
        return List.of(names);
    }

    /** The position of the column, or -1 when there is none of that name. */
    public int indexOf(String name) {
        Integer position = index.get(name);
        return position == null ? -1 : position;
    }

    /** True when these are the same names in the same order (lets readers reuse one instance). */
    boolean sameAs(List<String> other) {
        if (other.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Columns columns && Arrays.equals(names, columns.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
