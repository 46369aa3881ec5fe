package org.safegate.operator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.ReasonFile;

/**
 * A quarantined original as the transfer queue lists it, from its folder's reason file
 * ({@link ReasonFile}).
 */
record QuarantinedFile(String id, String sender, String source, String path, String agreement, String outcome,
                       Instant time, List<String> codes, List<String> reasons) {

    static QuarantinedFile from(String id, ReasonFile reason) {
        List<String> codes = reason.reasons().stream().map(Quarantine.Reason::code).toList();
        List<String> reasons = reason.reasons().stream().map(r -> r.code() + ": " + r.message()).toList();
        return new QuarantinedFile(id, reason.sender(), reason.source(), reason.path(), reason.agreement(),
                reason.outcome(), reason.at(), codes, reasons);
    }

    TransferQueue.QueuedTransfer queued() {
        return new TransferQueue.QueuedTransfer(id, TransferQueue.State.QUARANTINED, sender, agreement,
                Path.of(source).getFileName().toString(), time, reasons);
    }
}
