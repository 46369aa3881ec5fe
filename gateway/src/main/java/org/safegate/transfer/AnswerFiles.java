package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.recall.RecalledPayloads;
import org.safegate.store.TransferJournal;

/**
 * A data holder's answer file under request rules: only the answers to requests that passed may
 * leave. The transfer is journaled before the answers are filtered, so a held or stopped file keeps
 * its transfer id and its notice of withheld answers is written once. What is released is digested
 * here: it is what the delivery is recorded under, and answers that were recalled are not released
 * again, whatever else the file holds.
 */
final class AnswerFiles {
    /** The answer file being sent, and where it goes. */
    record Answering(TransferJournal.Entry row, Agreement agreement, Agency holder, Path outbox, Path file,
                     boolean resumedSealing, InboxFolder recipientFolder, InboxFolder senderInbox) {
    }

    /** The released answers to seal, their digest and size, and the transfer with their counts. */
    record Released(Path content, ReleasedContent payload, Transfer ended) {
    }

    private final TransferJournal journal;
    private final RequestExchange exchange;
    private final PartialCopies partialCopies;
    private final Refusals refusals;
    private final RecalledPayloads recalled;

    AnswerFiles(TransferJournal journal, RequestExchange exchange, PartialCopies partialCopies, Refusals refusals,
                RecalledPayloads recalled) {
        this.journal = journal;
        this.exchange = exchange;
        this.partialCopies = partialCopies;
        this.refusals = refusals;
        this.recalled = recalled;
    }

    /** The answers that may leave, or the outcome of a file none of whose answers may (denied) or that cannot be read. */
    Either<TransferOutcome, Released> filter(PolicySet set, Answering answering,
                                                         Transfer ended, Instant now)
            throws IOException {
        TransferJournal.Entry row = answering.row();
        journal.begin(row);
        RequestExchange.Filtered filtered;
        try {
            filtered = exchange.filterAnswers(answering.file(), answering.agreement(), answering.holder(),
                    row.transferId(), now);
        } catch (SafegateException e) {
            if (e.code() != ErrorCode.RECORD_FILE_INVALID) {
                throw e;
            }
            // an answer file that cannot be read as records is kept for a person, never sent
            partialCopies.abandon(set, Optional.of(row));
            refusals.quarantine(set, row.sender(), answering.outbox(), answering.file(),
                    new Refusal(RefusalCode.INPUT_MALFORMED, e.getMessage()), now);
            return Either.left(TransferOutcome.QUARANTINED);
        }
        Transfer counted = ended.withRecords(filtered.result().released(),
                RequestExchange.counts(filtered.result()));
        if (filtered.result().released() == 0) {
            return deny(answering, counted, new Receipt.Reason("ANSWERS_WITHHELD",
                    "no answer in the file answers a request that passed: " + counted.note().orElse("")), now);
        }
        Path content = filtered.released();
        ReleasedContent payload = new ReleasedContent(Digests.sha256(content), Files.size(content));
        // the file's own digest was checked against recalls; what it releases is what a recall holds
        Optional<String> recall = recalled.recallOf(payload.sha256());
        if (recall.isPresent()) {
            exchange.dropStagedAnswers(row.transferId());
            return deny(answering, counted, new Receipt.Reason(ReasonCode.DATA_RECALLED.name(),
                    "this data was recalled (recall " + recall.get() + ")"), now);
        }
        return Either.right(new Released(content, payload, counted));
    }

    private Either<TransferOutcome, Released> deny(Answering answering, Transfer counted, Receipt.Reason reason,
                                                   Instant now) throws IOException {
        TransferJournal.Entry row = answering.row();
        if (answering.resumedSealing()) {
            // the row stays for the denial, which publishes the notice once it is audited
            answering.recipientFolder().removeTemp(row.transferId());
        }
        refusals.deny(answering.file(), answering.senderInbox(), counted.withReasons(List.of(reason)),
                row.sourcePath(), now);
        return Either.left(TransferOutcome.DENIED);
    }
}
