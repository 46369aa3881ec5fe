package org.safegate.transfer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found in an agency's outbox, placed as the endpoint layout requires:
 * {@code <outbox>/<agreement-id>/<name>}, or {@code <outbox>/<agreement-id>/requests/<name>} for
 * request files under an agreement with request rules.
 */
public record OutboxEntry(String sender, String agreement, String name, boolean request, Path file) {
    public OutboxEntry {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }
}
