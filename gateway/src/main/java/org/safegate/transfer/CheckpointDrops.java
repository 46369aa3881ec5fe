package org.safegate.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.safegate.audit.AuditStore;
import org.safegate.files.JsonDocuments;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the latest signed checkpoint to every agency, as {@code <inbox>/checkpoints/<tree-size>.checkpoint},
 * at most once per interval and only when the log has grown, with {@code <tree-size>.consistency.json}
 * beside it: the RFC 9162 proof that the tree extends the one handed to that agency before. The
 * agencies become the log's witnesses: a gateway that later shows a smaller log, or another one, is
 * caught by any of them. An inbox that cannot take the files is logged and tried again at the next
 * drop; transfers never wait on it. Which size each agency last got is kept in
 * {@code <data>/audit-inbox-checkpoints.properties}, so the proofs chain across restarts.
 */
public final class CheckpointDrops {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDrops.class);

    private final AuditStore store;
    private final Endpoints endpoints;
    private final Supplier<PolicySet> policies;
    private final Duration interval;
    private final Clock clock;
    private final Path state;
    private long droppedSize;
    private Instant droppedAt;

    public CheckpointDrops(AuditStore store, Endpoints endpoints, Supplier<PolicySet> policies, Duration interval,
                           Clock clock, Path data) {
        this.store = store;
        this.endpoints = endpoints;
        this.policies = policies;
        this.interval = interval;
        this.clock = clock;
        this.state = data.resolve("audit-inbox-checkpoints.properties");
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
        Map<String, Long> handed = load();
        int dropped = 0;
        for (Agency agency : policies.get().agencies()) {
            InboxFolder folder = endpoints.inbox(agency.inbox()).child("checkpoints");
            try {
                Long before = handed.get(agency.id());
                if (before != null && before > 0 && before < size && !folder.exists(size + ".consistency.json")) {
                    byte[] proof = JsonDocuments.MAPPER.writeValueAsBytes(store.consistency(before, size));
                    folder.publish(Long.toString(size), ".consistency.json", "consistency-" + size,
                            out -> out.write(proof));
                }
                if (!folder.exists(size + ".checkpoint")) {
                    folder.publish(Long.toString(size), ".checkpoint", "checkpoint-" + size, out -> out.write(note));
                }
                handed.put(agency.id(), size);
                dropped++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not drop the audit checkpoint of {} events into the inbox of {}: {}", size,
                        agency.id(), e.getMessage());
            }
        }
        save(handed);
        droppedSize = size;
        droppedAt = now;
        return dropped;
    }

    private Map<String, Long> load() {
        Map<String, Long> handed = new TreeMap<>();
        if (Files.isRegularFile(state)) {
            Properties saved = new Properties();
            try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                saved.load(in);
                saved.forEach((agency, size) -> handed.put(agency.toString(), Long.parseLong(size.toString())));
            } catch (IOException | NumberFormatException e) {
                LOG.warn("cannot read {} ({}): the next checkpoints go out without consistency proofs", state,
                        e.getMessage());
            }
        }
        return handed;
    }

    private void save(Map<String, Long> handed) {
        Properties saved = new Properties();
        handed.forEach((agency, size) -> saved.setProperty(agency, Long.toString(size)));
        try {
            Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(out, "tree size of the audit checkpoint last handed to each agency's inbox");
            }
            Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", state, e.getMessage());
        }
    }
}
