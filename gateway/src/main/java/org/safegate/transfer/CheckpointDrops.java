package org.safegate.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.audit.AuditStore;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the latest signed checkpoint to every agency, as {@code <inbox>/checkpoints/<tree-size>.checkpoint},
 * at most once per interval and only when the log has grown. The agencies become the log's
 * witnesses: a gateway that later shows a smaller log, or another one, is caught by any of them.
 * An inbox that cannot take the file is logged and tried again at the next drop; transfers never wait on it.
 */
public final class CheckpointDrops {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDrops.class);

    private final AuditStore store;
    private final Endpoints endpoints;
    private final Supplier<PolicySet> policies;
    private final Duration interval;
    private final Clock clock;
    private long droppedSize;
    private Instant droppedAt;

    public CheckpointDrops(AuditStore store, Endpoints endpoints, Supplier<PolicySet> policies, Duration interval,
                           Clock clock) {
        this.store = store;
        this.endpoints = endpoints;
        this.policies = policies;
        this.interval = interval;
        this.clock = clock;
    }

    /** Drops the latest checkpoint when due; returns into how many inboxes. */
    public synchronized int dropIfDue() {
        Instant now = clock.instant();
        if (droppedAt != null && now.isBefore(droppedAt.plus(interval))) {
            return 0;
        }
        Optional<AuditStore.SignedCheckpoint> latest = store.latestCheckpoint();
        if (latest.isEmpty() || latest.get().size() <= droppedSize) {
            return 0;
        }
        long size = latest.get().size();
        byte[] note = latest.get().note().getBytes(StandardCharsets.UTF_8);
        int dropped = 0;
        for (Agency agency : policies.get().agencies()) {
            InboxFolder folder = endpoints.inbox(agency.inbox()).child("checkpoints");
            try {
                if (!folder.exists(size + ".checkpoint")) {
                    folder.publish(Long.toString(size), ".checkpoint", "checkpoint-" + size, out -> out.write(note));
                }
                dropped++;
            } catch (Exception e) {
                LOG.warn("could not drop the audit checkpoint of {} events into the inbox of {}: {}", size,
                        agency.id(), e.getMessage());
            }
        }
        droppedSize = size;
        droppedAt = now;
        return dropped;
    }
}
