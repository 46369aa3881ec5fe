package org.safegate.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.transfer.HeldFiles;

/**
 * Files held for retry (a key, the store or an endpoint was unavailable), in the gateway's private
 * folder they were taken into (or, when the take itself failed, still in their outbox). A held
 * file has no transfer id yet; its id is {@code held-} and the first 24 hex digits of the SHA-256
 * of {@code <sender>\n<path in the outbox>}: stable while it is held, the same on every node.
 * Releasing one makes it due for retry at once: its route takes it on its next poll.
 */
final class HeldTransfers {
    static final String PREFIX = "held-";

    private final HeldFiles held;
    /** Each agency's folders a held file may lie in (its private folder, its outbox). */
    private final List<Supplier<Map<String, Path>>> folders;
    private final AuditLog audit;

    HeldTransfers(HeldFiles held, List<Supplier<Map<String, Path>>> folders, AuditLog audit) {
        this.held = held;
        this.folders = folders;
        this.audit = audit;
    }

    /** A held file with where it lies: its sender and its path in that sender's outbox. */
    private record Located(HeldFiles.Held held, String sender, Path relative) {
        String id() {
            return PREFIX + FileChange.sha256(sender + "\n" + relative).substring(0, 24);
        }

        TransferQueue.QueuedTransfer queued() {
            String agreement = relative.getNameCount() >= 2 ? relative.getName(0).toString() : "";
            return new TransferQueue.QueuedTransfer(id(), TransferQueue.State.HELD, sender, agreement,
                    relative.getFileName().toString(), held.since(), List.of(held.reason()));
        }
    }

    List<TransferQueue.QueuedTransfer> list() {
        return located().stream().map(Located::queued).toList();
    }

    /** Retries the held file now; empty when no held file has the id. */
    Optional<TransferQueue.QueuedTransfer> release(String id, String operator) {
        Optional<Located> found = located().stream().filter(l -> l.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Located file = found.get();
        TransferQueue.QueuedTransfer queued = file.queued();
        audit.append(AuditEntry.builder(AuditEventType.TRANSFER_RELEASED, operator).origin("transfer release")
                .object(file.relative().toString()).provider(file.sender()).agreement(queued.agreement())
                .change("held file retried now (held since " + file.held().since() + " after "
                        + file.held().attempts() + " attempt(s): " + file.held().reason() + ")").build());
        if (!held.retryNow(file.held().file())) {
            audit.append(AuditEntry.builder(AuditEventType.TRANSFER_RELEASED, operator).origin("transfer release")
                    .object(file.relative().toString()).provider(file.sender()).agreement(queued.agreement())
                    .outcome(org.safegate.audit.Outcome.FAILURE).change("not released: the file reached an outcome "
                            + "before it could be retried").build());
            throw new SafegateException(ErrorCode.CONFLICT,
                    "the file is no longer held: it reached an outcome meanwhile");
        }
        return Optional.of(queued);
    }

    private List<Located> located() {
        List<Map<String, Path>> roots = folders.stream().map(Supplier::get).toList();
        return held.all().stream().map(h -> locate(h, roots)).flatMap(Optional::stream).toList();
    }

    private static Optional<Located> locate(HeldFiles.Held held, List<Map<String, Path>> roots) {
        for (Map<String, Path> folders : roots) {
            for (Map.Entry<String, Path> folder : folders.entrySet()) {
                if (held.file().startsWith(folder.getValue())) {
                    return Optional.of(new Located(held, folder.getKey(), folder.getValue().relativize(held.file())));
                }
            }
        }
        return Optional.empty();
    }
}
