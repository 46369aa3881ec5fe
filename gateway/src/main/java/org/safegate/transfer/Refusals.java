package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.safegate.policy.Decision;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.TransferJournal;

/**
 * Ends a transfer without sending it, exactly once across crashes: the refusal is journaled with
 * its reasons, then audited, the rejections of a request file refused whole returned to the
 * requester or the notice of an answer file's withheld answers to the data holder
 * ({@link ReturnedCopy}), the reason file written, the receipt given to the sender,
 * and only then the original moved into quarantine. A run stopped at any step finishes the same refusal from
 * the journal; each step checks whether it was already done. Nothing is deleted.
 */
public final class Refusals {
    /** Receipts of files that name no agreement go under this folder of the sender's inbox. */
    static final String UNPLACED = "_unplaced";

    /** The steps of a refusal, in order; each is durable before the next begins. */
    public enum Step { JOURNALED, AUDITED, RETURNED, REASON_WRITTEN, RECEIPTED, MOVED }

    private final Quarantine quarantine;
    private final TransferRecorder recorder;
    private final Endpoints endpoints;
    private final TransferJournal journal;
    private final Consumer<Step> afterStep;

    public Refusals(Quarantine quarantine, TransferRecorder recorder, Endpoints endpoints, TransferJournal journal) {
        this(quarantine, recorder, endpoints, journal, step -> { });
    }

    /** With a listener told after each step (tests stop a refusal there, as a crash would). */
    Refusals(Quarantine quarantine, TransferRecorder recorder, Endpoints endpoints, TransferJournal journal,
             Consumer<Step> afterStep) {
        this.quarantine = quarantine;
        this.recorder = recorder;
        this.endpoints = endpoints;
        this.journal = journal;
        this.afterStep = afterStep;
    }

    /** A file refused before any policy question (layout, name, signature, unreadable records). */
    public void quarantine(PolicySet policies, String sender, Path outbox, Path file, Refusal refusal, Instant now)
            throws IOException {
        quarantine(policies, sender, outbox, file, refusal, now, UUID.randomUUID().toString());
    }

    /** As {@link #quarantine}, under a transfer id already journaled (a request file whose rejections wait). */
    void quarantine(PolicySet policies, String sender, Path outbox, Path file, Refusal refusal, Instant now,
                    String transferId) throws IOException {
        String source = outbox.relativize(file).toString();
        boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        String agreement = agreementOf(policies, outbox, file);
        Transfer ended = Transfer.unplaced(transferId, sender, providerOf(policies, agreement), agreement,
                file.getFileName().toString(),
                regular ? Digests.sha256(file) : "", regular ? Files.size(file) : 0, reasonOf(refusal));
        refuse(new RefusalRecord(Receipt.Outcome.QUARANTINED, now, ended), file, source, senderInbox(policies, sender));
    }

    /**
     * A link on the way to {@code file} (or the file itself, hard-linked), kept in quarantine as it
     * is and never read: no digest, no size of what it points to. The receipt goes under the
     * agreement {@code file} was placed under.
     */
    void quarantineLink(PolicySet policies, String sender, Path outbox, Path link, Path file, Refusal refusal,
                        Instant now) throws IOException {
        String agreement = agreementOf(policies, outbox, file);
        Transfer ended = Transfer.unplaced(UUID.randomUUID().toString(), sender, providerOf(policies, agreement),
                agreement, link.getFileName().toString(), "", 0, reasonOf(refusal));
        refuse(new RefusalRecord(Receipt.Outcome.QUARANTINED, now, ended), link, outbox.relativize(link).toString(),
                senderInbox(policies, sender));
    }

    /** A file the policy gate denied. */
    public void deny(Path file, InboxFolder senderInbox, Transfer ended, String source, Instant now)
            throws IOException {
        refuse(new RefusalRecord(Receipt.Outcome.DENIED, now, ended), file, source, senderInbox);
    }

    /**
     * Finishes a refusal a stopped run journaled for this very file, and returns its outcome. Empty
     * when there is none to finish: the refused original is already in quarantine, so the file now
     * in the outbox is a new one that merely looks the same (same place, size and time), to be taken
     * afresh.
     */
    public Optional<Receipt.Outcome> resume(PolicySet policies, Path file, TransferJournal.Entry journaled)
            throws IOException {
        if (quarantine.holdsOriginal(journaled.transferId())) {
            journal.done(journaled.transferId());
            return Optional.empty();
        }
        String stored = journal.refusal(journaled.transferId()).orElseThrow(() -> new IOException(
                "transfer " + journaled.transferId() + " is journaled as refused, without its refusal"));
        RefusalRecord record = RefusalRecord.fromJson(stored);
        finish(record, file, journaled.sourcePath(), senderInbox(policies, journaled.sender()));
        return Optional.of(record.outcome());
    }

    /** Every reason of a decision, as receipts and audit events carry them: in the words meant for the sender. */
    public List<Receipt.Reason> reasons(Decision decision) {
        return decision.reasons().stream().map(r -> new Receipt.Reason(r.code().name(), r.shared())).toList();
    }

    private void refuse(RefusalRecord decided, Path file, String source, InboxFolder senderInbox) throws IOException {
        RefusalRecord record = decided.bounded();
        Transfer ended = record.ended();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        journal.refusing(new TransferJournal.Entry(ended.transferId(), ended.sender(), source, attributes.size(),
                attributes.lastModifiedTime().toMillis(), ended.agreement(), ended.recipient(), ended.sha256(),
                TransferJournal.State.REFUSING, Optional.empty()), record.toJson());
        afterStep.accept(Step.JOURNALED);
        finish(record, file, source, senderInbox);
    }

    private void finish(RefusalRecord record, Path file, String source, InboxFolder senderInbox) throws IOException {
        Transfer ended = record.ended();
        boolean denied = record.outcome() == Receipt.Outcome.DENIED;
        if (!recorder.refusalRecorded(ended.transferId())) {
            if (denied) {
                recorder.denied(ended);
            } else {
                recorder.quarantined(ended);
            }
        }
        afterStep.accept(Step.AUDITED);
        if (!UNPLACED.equals(ended.agreement()) && !OutboxLayout.RECALLS.equals(ended.agreement())) {
            // what the refused file returns to its sender, written while it was decided
            ReturnedCopy copy = OutboxLayout.isRequest(Path.of(source)) ? ReturnedCopy.REJECTIONS
                    : ReturnedCopy.WITHHELD_NOTICE;
            copy.publishWaiting(copy.folder(senderInbox, ended.agreement()), ended.transferId(), ended.name());
        }
        afterStep.accept(Step.RETURNED);
        quarantine.writeReason(ended.transferId(), ended.sender(), source, denied ? "denied" : "quarantined",
                quarantineReasons(ended.reasons()), record.at());
        afterStep.accept(Step.REASON_WRITTEN);
        recorder.receipt(senderInbox, ended, record.outcome(), record.at());
        afterStep.accept(Step.RECEIPTED);
        quarantine.moveIn(ended.transferId(), file);
        afterStep.accept(Step.MOVED);
        journal.done(ended.transferId());
    }

    private InboxFolder senderInbox(PolicySet policies, String sender) {
        Agency agency = policies.agency(sender).orElseThrow();
        return endpoints.inbox(agency.inbox());
    }

    private static Receipt.Reason reasonOf(Refusal refusal) {
        return new Receipt.Reason(refusal.code().name(), refusal.message());
    }

    private static String agreementOf(PolicySet policies, Path outbox, Path file) {
        Path relative = outbox.relativize(file);
        if (relative.getNameCount() < 2) {
            return UNPLACED;
        }
        String folder = relative.getName(0).toString();
        if (OutboxLayout.isCertificate(relative)) {
            // certificates of disposal are receipted beside the folder they were dropped in
            return OutboxLayout.RECALLS;
        }
        return policies.agreement(folder).isPresent() ? folder : UNPLACED;
    }

    /** The provider of the agreement a refused file was placed under, whoever sent it; empty when none. */
    private static String providerOf(PolicySet policies, String agreement) {
        return policies.agreement(agreement).map(org.safegate.policy.model.Agreement::provider).orElse("");
    }

    private static List<Quarantine.Reason> quarantineReasons(List<Receipt.Reason> reasons) {
        return reasons.stream().map(r -> new Quarantine.Reason(r.code(), r.message())).toList();
    }
}
