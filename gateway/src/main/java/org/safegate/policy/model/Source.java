package org.safegate.policy.model;

import java.nio.file.Path;

/** Where a policy object came from, so every message about it can name the file and line. */
public record Source(Path file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
