package org.safegate.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.policy.model.Endpoint;
import org.safegate.transfer.HeldFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' SFTP outboxes, each mirrored into a local spool folder under
 * {@code <data>/sftp-outbox/<agency>/outbox}, which the gateway watches as that agency's outbox.
 */
public final class RemoteOutboxes {
    private final SftpSessions sessions;
    private final Path root;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteOutboxes.class);

    private final Map<String, SftpPickup> pickups = new ConcurrentHashMap<>();
    private final Map<String, Set<Path>> heldRefused = new ConcurrentHashMap<>();

    private final RefusedRemoteNames refusedNames;

    RemoteOutboxes(SftpSessions sessions, Path dataDir, RefusedRemoteNames refusedNames) {
        this.sessions = sessions;
        this.root = dataDir.resolve("sftp-outbox");
        this.refusedNames = refusedNames;
    }

    /** The local folder that stands for the agency's SFTP outbox. */
    public Path spool(String agency) {
        return root.resolve(agency).resolve("outbox");
    }

    /**
     * Takes what is ready from the agency's SFTP outbox into its spool. An outbox that cannot be
     * reached holds its spool folder, and a file the server will not hand over is held under its
     * spool path, both with the reason and retried with back-off: listed, never silently left behind.
     */
    public void pickUp(String agency, Endpoint outbox, HeldFiles held) {
        Path spool = spool(agency);
        if (held.waiting(spool)) {
            return;
        }
        try {
            collect(agency, outbox);
            held.release(spool);
        } catch (IOException | RuntimeException e) {
            int attempts = held.hold(spool, "outbox " + outbox.describe() + ": " + e.getMessage());
            // the first attempt is logged by the hold itself; the retries are for debugging
            LOG.debug("cannot take files from the SFTP outbox of {} (attempt {}): {}", agency, attempts, e.getMessage());
            return;
        }
        Map<Path, String> refused = refused(agency);
        Set<Path> before = heldRefused.computeIfAbsent(agency, a -> ConcurrentHashMap.newKeySet());
        for (Path file : Set.copyOf(before)) {
            if (!refused.containsKey(file)) {
                held.release(file);
                before.remove(file);
            }
        }
        refused.forEach((file, why) -> {
            if (before.add(file)) {
                held.hold(file, why); // logged by the hold
            }
        });
    }

    /** Takes what is ready from the agency's SFTP outbox into its spool; returns how many files. */
    public int collect(String agency, Endpoint outbox) throws IOException {
        SftpPickup pickup = pickups.compute(agency, (id, old) -> old != null && old.outbox().equals(outbox) ? old
                : new SftpPickup(sessions, id, outbox, spool(id), root.resolve(id).resolve("taken"), refusedNames));
        return pickup.collect();
    }

    /** The files of the agency's SFTP outbox the server refused to hand over at the last look, by spool path. */
    public Map<Path, String> refused(String agency) {
        SftpPickup pickup = pickups.get(agency);
        Map<Path, String> refused = new java.util.TreeMap<>();
        if (pickup != null) {
            pickup.refused().forEach((relative, why) -> refused.put(spool(agency).resolve(relative),
                    pickup.outbox().describe() + "/" + relative + ": " + why));
        }
        return refused;
    }

    /** Files seen in SFTP outboxes and not taken yet: a run that is to drain everything waits for them. */
    public int waiting() {
        return pickups.values().stream().mapToInt(SftpPickup::waiting).sum();
    }
}
