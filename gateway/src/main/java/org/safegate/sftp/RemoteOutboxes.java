package org.safegate.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.policy.model.Endpoint;

/**
 * The agencies' SFTP outboxes, each mirrored into a local spool folder under
 * {@code <data>/sftp-outbox/<agency>/outbox}, which the gateway watches as that agency's outbox.
 */
public final class RemoteOutboxes {
    private final SftpSessions sessions;
    private final Path root;
    private final Map<String, SftpPickup> pickups = new ConcurrentHashMap<>();

    RemoteOutboxes(SftpSessions sessions, Path dataDir) {
        this.sessions = sessions;
        this.root = dataDir.resolve("sftp-outbox");
    }

    /** The local folder that stands for the agency's SFTP outbox. */
    public Path spool(String agency) {
        return root.resolve(agency).resolve("outbox");
    }

    /** Takes what is ready from the agency's SFTP outbox into its spool; returns how many files. */
    public int collect(String agency, Endpoint outbox) throws IOException {
        SftpPickup pickup = pickups.compute(agency, (id, old) -> old != null && old.outbox().equals(outbox) ? old
                : new SftpPickup(sessions, outbox, spool(id), root.resolve(id).resolve("taken")));
        return pickup.collect();
    }

    /** Files seen in SFTP outboxes and not taken yet: a run that is to drain everything waits for them. */
    public int waiting() {
        return pickups.values().stream().mapToInt(SftpPickup::waiting).sum();
    }
}
