package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.audit.Outcome;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoreWrite;
import org.safegate.tlog.InclusionProof;

/**
 * Records how a transfer ended: first the audit event (which must be durable, or the transfer is
 * held), then the signed receipt in the sender's inbox.
 */
public final class TransferRecorder {
    private final AuditLog audit;
    private final AuditStore auditStore;
    private final ReceiptWriter receipts;
    private final RecentProofs proofs;

    public TransferRecorder(AuditLog audit, AuditStore auditStore, ReceiptWriter receipts) {
        this(audit, auditStore, receipts, new RecentProofs());
    }

    private TransferRecorder(AuditLog audit, AuditStore auditStore, ReceiptWriter receipts, RecentProofs proofs) {
        this.audit = audit;
        this.auditStore = auditStore;
        this.receipts = receipts;
        this.proofs = proofs;
    }

    /** The same recorder writing to another log (tests act at each event with it). */
    TransferRecorder withAudit(AuditLog other) {
        return new TransferRecorder(other, auditStore, receipts, proofs);
    }

    public void delivered(Transfer t) {
        proofs.keep(audit.append(deliveredEntry(t, Optional.empty())));
    }

    /**
     * Records the delivery and, in the same transaction, its payload as delivered to the
     * recipient: from the moment the event exists, a redisclosure of the same data is recognised.
     */
    public void delivered(Transfer t, DeliveredPayloads.Delivered payload) {
        delivered(t, payload, c -> { });
    }

    /**
     * As {@link #delivered(Transfer, DeliveredPayloads.Delivered)}, with {@code alongside} in the same
     * transaction too (an answer file's records, {@link org.safegate.store.AnswerRecords#delivering}).
     */
    public void delivered(Transfer t, DeliveredPayloads.Delivered payload, StoreWrite alongside) {
        delivered(t, Optional.empty(), payload, alongside);
    }

    /**
     * As {@link #delivered(Transfer, DeliveredPayloads.Delivered, StoreWrite)}; when the recipient got
     * answers {@code released} from the file, the event's payload digest and size are theirs (the data
     * the recipient holds) and its change names the file's own (the sender's receipt names the file).
     */
    public void delivered(Transfer t, Optional<ReleasedContent> released, DeliveredPayloads.Delivered payload,
                          StoreWrite alongside) {
        StoreWrite recording = DeliveredPayloads.recording(t.transferId(), payload);
        proofs.keep(audit.append(deliveredEntry(t, released), c -> {
            recording.write(c);
            alongside.write(c);
        }));
    }

    private static AuditEntry deliveredEntry(Transfer t, Optional<ReleasedContent> released) {
        AuditEventType type = t.parentTransfer().isPresent() ? AuditEventType.REDISCLOSURE
                : AuditEventType.TRANSFER_DELIVERED;
        // the change's name ends at "; records " (RecallResolution reads it): what follows comes after the note
        AuditEntry.Builder event = entry(type, t, Outcome.SUCCESS).decision("permit")
                .change("delivered to " + t.recipient() + " as " + t.deliveredAs().orElse("?")
                        + t.note().map(n -> "; records " + n).orElse("")
                        + released.map(r -> "; released from the file sha256:" + t.sha256() + ", " + t.size()
                                + " bytes").orElse(""));
        released.ifPresent(r -> event.payloadDigest("sha256:" + r.sha256()).size(r.size()));
        return event.build();
    }

    public void denied(Transfer t) {
        proofs.keep(audit.append(entry(AuditEventType.TRANSFER_DENIED, t, Outcome.FAILURE).decision("deny")
                .reasonCodes(codes(t)).change("kept in quarantine; not sent"
                        + t.note().map(n -> "; records " + n).orElse("")).build()));
    }

    public void quarantined(Transfer t) {
        // the reason's sentence carries what a person needs, e.g. the record counts of a request file
        String why = t.reasons().isEmpty() ? "" : ": " + t.reasons().get(0).message();
        proofs.keep(audit.append(entry(AuditEventType.TRANSFER_QUARANTINED, t, Outcome.FAILURE).reasonCodes(codes(t))
                .change("kept in quarantine; not sent" + (why.length() > 1000 ? why.substring(0, 1000) : why)).build()));
    }

    /**
     * Records a certificate of disposal: its events (one per item) and its rows in one transaction.
     * The receipt of {@code certificateId} will carry the proof of the last event.
     */
    public void certified(String certificateId, List<AuditEntry> events, StoreWrite rows) {
        List<AppendedEvent> appended = audit.appendAll(events, rows);
        proofs.keep(certificateId, appended.get(appended.size() - 1));
    }

    /**
     * Writes the receipt of a certificate of disposal ({@code t} is the certificate as received);
     * after a restart its proof is that of {@code lastItem}'s {@code DISPOSAL_CERTIFIED} event.
     */
    public String certificateReceipt(InboxFolder senderInbox, Transfer t, Instant at, String lastItem)
            throws IOException {
        InclusionProof kept = proofs.take(t.transferId());
        InclusionProof proof = kept != null ? kept : auditStore.prove(lastItem, AuditEventType.DISPOSAL_CERTIFIED);
        return receipts.write(senderInbox, new Receipt(t.transferId(), t.sender(), t.agreement(), t.name(),
                Receipt.Outcome.CERTIFIED, at, t.sha256(), t.size(), Optional.empty(), List.of(), proof));
    }

    /** Best effort: a hold is recorded when the log can take it, and retried anyway. */
    public void held(String sender, String name, String reason) {
        audit.append(AuditEntry.builder(AuditEventType.TRANSFER_HELD, sender).origin("outbox:" + sender)
                .object(FileNames.printable(name)).outcome(Outcome.FAILURE).change("held: " + reason).build());
    }

    /** True when the log already has the transfer's delivery (a run that stopped after writing it). */
    public boolean deliveryRecorded(String transferId) {
        return !auditStore.list(new AuditQuery(Optional.empty(), Optional.empty(),
                java.util.Set.of(AuditEventType.TRANSFER_DELIVERED, AuditEventType.REDISCLOSURE), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(transferId))).isEmpty();
    }

    /** True when the log already has the transfer's denial or quarantine (a refusal that stopped after it). */
    public boolean refusalRecorded(String transferId) {
        return !auditStore.list(new AuditQuery(Optional.empty(), Optional.empty(),
                java.util.Set.of(AuditEventType.TRANSFER_DENIED, AuditEventType.TRANSFER_QUARANTINED), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(transferId))).isEmpty();
    }

    public Path receipt(Path senderInbox, Transfer t, Receipt.Outcome outcome, Instant at) throws IOException {
        String name = receipt(new LocalFolder(senderInbox), t, outcome, at);
        return senderInbox.resolve("receipts").resolve(t.agreement()).resolve(name);
    }

    /**
     * Writes the signed receipt into the sender's inbox, wherever it is; returns its file name. Its
     * reasons name no place on the gateway ({@link SharedText}): the sender is another agency.
     */
    public String receipt(InboxFolder senderInbox, Transfer t, Receipt.Outcome outcome, Instant at) throws IOException {
        return receipts.write(senderInbox, new Receipt(t.transferId(), t.sender(), t.agreement(), t.name(), outcome, at,
                t.sha256(), t.size(), t.deliveredAs(), SharedText.scrub(t.reasons()), proof(t.transferId())));
    }

    /** The proof kept when the outcome was recorded; after a restart, one made from the store. */
    private InclusionProof proof(String transferId) {
        InclusionProof kept = proofs.take(transferId);
        return kept != null ? kept : auditStore.prove(transferId);
    }

    /**
     * The event of a transfer: the actor is its sender, provider and recipient are its agreement's
     * (the sender may be another agency than the provider, e.g. the recipient sending under it).
     */
    private static AuditEntry.Builder entry(AuditEventType type, Transfer t, Outcome outcome) {
        return AuditEntry.builder(type, t.sender()).origin("outbox:" + t.sender()).object(FileNames.printable(t.name()))
                .outcome(outcome).transferId(t.transferId()).provider(orNull(t.provider()))
                .recipient(orNull(t.recipient()))
                .agreement(t.agreement()).authority(orNull(t.authority())).category(orNull(t.category()))
                .payloadDigest(t.sha256().isEmpty() ? null : "sha256:" + t.sha256()).size(t.size())
                .parentTransfer(t.parentTransfer().orElse(null)).recordCount(t.records().orElse(null));
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> codes(Transfer t) {
        return t.reasons().stream().map(Receipt.Reason::code).distinct().toList();
    }
}
