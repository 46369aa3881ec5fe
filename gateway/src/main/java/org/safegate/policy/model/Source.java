package org.safegate.policy.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a policy object came from, so every message about it can name the file and line.
 *
 * @param line     the line the object starts on
 * @param keyLines the line of each top-level key, so a message about a field points at it
 */
public record Source(Path file, int line, Map<String, Integer> keyLines) {

    public Source {
        keyLines = Map.copyOf(keyLines);
    }

    /** The line of the given top-level key, or the object's first line when it is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
