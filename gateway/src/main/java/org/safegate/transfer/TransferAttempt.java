package org.safegate.transfer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.safegate.crypto.SignedInput;
import org.safegate.policy.Decision;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoreWrite;
import org.safegate.store.TransferJournal;

/**
 * What one attempt at a taken file knows so far. The file's facts are fixed when the attempt
 * begins; each stage of {@link TransferPipeline} fills in what it found, for the stages after it.
 * One attempt belongs to one lane's thread.
 */
final class TransferAttempt {
    final PolicySet policies;
    final Instant now;
    final String sender;
    /** The sender's private folder, where the file was taken to. */
    final Path outbox;
    final Path file;
    /** Its place in the outbox, e.g. {@code IRS-DOJ-2024/a.csv}. */
    final String source;
    final long size;
    final long modified;

    /** What a stopped run journaled of this very file, if anything is left to finish or to do again. */
    Optional<TransferJournal.Entry> unfinished = Optional.empty();
    OutboxEntry entry;
    Agreement agreement;
    Agency from;
    Agency recipient;
    Optional<SignedInput.Verified> signedBy = Optional.empty();
    /** The delivery to the sender of the same data, when this transfer discloses it again. */
    Optional<DeliveredPayloads.Delivery> earlier = Optional.empty();
    Transfer transfer;
    Decision decision;
    InboxFolder recipientFolder;
    InboxFolder senderInbox;
    /** What is sealed: the taken file, or the answers released from it. */
    Path content;
    /** The digest {@link #content} must have when sealed. */
    Optional<String> checkedSha256 = Optional.empty();
    /** When {@link #content} is the answers released from the file: their digest and size, what the delivery is recorded under. */
    Optional<ReleasedContent> released = Optional.empty();
    /** Written with the delivery's audit event besides the delivery itself: an answer file's records. */
    StoreWrite alongside = c -> { };

    TransferAttempt(PolicySet policies, Instant now, String sender, Path outbox, Path file, long size, long modified) {
        this.policies = policies;
        this.now = now;
        this.sender = sender;
        this.outbox = outbox;
        this.file = file;
        this.source = outbox.relativize(file).toString();
        this.size = size;
        this.modified = modified;
        this.content = file;
    }

    /** The journal row this transfer is sealed under (a stopped run's sealing goes on under its id). */
    TransferJournal.Entry sealingRow() {
        return new TransferJournal.Entry(transfer.transferId(), sender, source, size, modified, agreement.id(),
                recipient.id(), transfer.sha256(), TransferJournal.State.SEALING, Optional.empty());
    }

    /** True when a stopped run had begun sealing this file (and never audited it): it is sealed again. */
    boolean resealing() {
        return unfinished.isPresent();
    }
}
