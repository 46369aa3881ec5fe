package org.safegate.app;

import java.util.List;
import org.safegate.OperatorLog;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditLog;
import org.safegate.store.StoreWrite;
import org.slf4j.Logger;

/**
 * The audit log every transfer outcome is recorded through, writing one operator line per outcome
 * once its event is durable (a failed append holds the file, which is not an outcome): the one
 * place that sees deliveries, redisclosures, denials and quarantines of files and requests alike.
 * It counts them too, for the summary on stop. Only the event's facts are written, never its
 * change text (a request's record counts) or the payload.
 */
final class TransferOutcomeLog implements AuditLog {
    private static final Logger LOG = OperatorLog.logger("transfer");

    private final AuditLog audit;
    private final RunOutcomes outcomes;

    TransferOutcomeLog(AuditLog audit, RunOutcomes outcomes) {
        this.audit = audit;
        this.outcomes = outcomes;
    }

    @Override
    public AppendedEvent append(AuditEntry entry) {
        AppendedEvent appended = audit.append(entry);
        logged(entry);
        return appended;
    }

    @Override
    public AppendedEvent append(AuditEntry entry, StoreWrite alongside) {
        AppendedEvent appended = audit.append(entry, alongside);
        logged(entry);
        return appended;
    }

    @Override
    public List<AppendedEvent> appendAll(List<AuditEntry> entries, StoreWrite alongside) {
        List<AppendedEvent> appended = audit.appendAll(entries, alongside);
        entries.forEach(this::logged);
        return appended;
    }

    private void logged(AuditEntry entry) {
        RunOutcomes.Outcome outcome = RunOutcomes.Outcome.of(entry.type());
        if (outcome == null) {
            return;
        }
        outcomes.count(outcome);
        List<String> reasons = entry.reasonCodes() == null ? List.of() : entry.reasonCodes();
        OperatorLog.Line line = OperatorLog.line(outcome.name()).with("transfer", entry.transferId())
                .with("sender", entry.actor()).with("agreement", entry.agreement())
                .with("recipient", entry.recipient()).with("file", entry.object()).with("size", entry.size())
                .with("reasons", reasons.isEmpty() ? "-" : String.join(",", reasons))
                .with("redisclosure-of", entry.parentTransfer());
        if (outcome == RunOutcomes.Outcome.DELIVERED) {
            line.info(LOG);
        } else {
            line.warn(LOG);
        }
    }
}
