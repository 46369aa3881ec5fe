package org.safegate.operator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditLog;
import org.safegate.transfer.HeldFiles;

/**
 * The gateway's transfers waiting on a person or a retry: files held (ids
 * {@code held-...}) and originals kept in quarantine (ids are their transfer ids). Every release
 * is audited with the operator as actor before it takes effect.
 */
public final class GatewayTransferQueue implements TransferQueue {
    private final HeldTransfers held;
    private final QuarantinedTransfers quarantined;

    /**
     * @param outboxes the local outbox folder of each agency of the current policy set
     * @param taken the private folder each agency's files are taken into
     */
    public GatewayTransferQueue(HeldFiles heldFiles, Path quarantineRoot, Supplier<Map<String, Path>> outboxes,
                                Supplier<Map<String, Path>> taken, AuditLog audit, Clock clock) {
        this.held = new HeldTransfers(heldFiles, List.of(taken, outboxes), audit);
        this.quarantined = new QuarantinedTransfers(quarantineRoot, outboxes, audit, clock);
    }

    @Override
    public List<QueuedTransfer> list(State state) {
        return state == State.HELD ? held.list() : quarantined.list();
    }

    @Override
    public QueuedTransfer release(String transferId, String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator is required");
        }
        if (transferId == null || transferId.isBlank()) {
            throw SafegateException.invalid("id", "the transfer id is missing");
        }
        try {
            if (transferId.startsWith(HeldTransfers.PREFIX)) {
                return held.release(transferId, operator)
                        .orElseThrow(() -> SafegateException.notFound("held transfer", transferId));
            }
            return quarantined.release(transferId, operator)
                    .orElseThrow(() -> SafegateException.notFound("transfer", transferId));
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot release transfer " + transferId + ": "
                    + e.getMessage(), e);
        }
    }
}
