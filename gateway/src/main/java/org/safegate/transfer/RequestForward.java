package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.DisclosureReport;
import org.safegate.audit.Outcome;
import org.safegate.inspect.InspectionResult;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.store.TransferJournal;

/**
 * Sends the passing requests of an inspected request file to the data holder, and its refused
 * records back to the requester, exactly once and never before the log has it. The steps are a
 * delivery's: the holder's name is journaled, both sealed copies are written under hidden names,
 * the forward is audited, and only then are both published and journaled delivered. A run stopped
 * after the audit event publishes what the log says was sent ({@link #finish}); a run stopped
 * before it inspects the file again, and drops the partial copies if the file is refused now
 * ({@link #abandon}).
 */
public final class RequestForward {
    private final RequestExchange exchange;
    private final TransferJournal journal;
    private final AuditLog audit;
    private final Endpoints endpoints;
    private final Consumer<Step> afterStep;

    /** The steps of a forward, in order; each is durable before the next begins. */
    public enum Step { JOURNALED, SEALED, AUDITED, HOLDER_PUBLISHED, REJECTIONS_PUBLISHED, DELIVERED }

    public RequestForward(RequestExchange exchange, TransferJournal journal, AuditLog audit, Endpoints endpoints) {
        this(exchange, journal, audit, endpoints, step -> { });
    }

    /** With a listener told after each step (tests stop a forward there, as a crash would). */
    public RequestForward(RequestExchange exchange, TransferJournal journal, AuditLog audit, Endpoints endpoints,
                          Consumer<Step> afterStep) {
        this.exchange = exchange;
        this.journal = journal;
        this.audit = audit;
        this.endpoints = endpoints;
        this.afterStep = afterStep;
    }

    /** Where a request file of the agreement goes: the holder's and the requester's request folders. */
    record Folders(InboxFolder holder, InboxFolder requester) {
    }

    Folders folders(String agreement, Agency requester, Agency holder) {
        return new Folders(requestFolder(agreement, holder), requestFolder(agreement, requester));
    }

    private InboxFolder requestFolder(String agreement, Agency agency) {
        return ReturnedCopy.REJECTIONS.folder(endpoints.inbox(agency.inbox()), agreement);
    }

    /**
     * Readies the return of the rejections of a request file refused whole: the file is journaled
     * (a stopped run inspects it again under the same transfer id) and its sealed rejections are
     * written under their hidden name, for the refusal to publish once it is audited. The holder's
     * partial copy of a forward that stopped before its audit event is dropped.
     */
    void prepareRejections(RequestExchange.Inspected inspected, Agreement agreement, Agency requester, Agency holder,
                           TransferJournal.Entry entry) throws IOException {
        Folders folders = folders(agreement.id(), requester, holder);
        folders.holder().removeTemp(entry.transferId());
        journal.begin(entry);
        folders.requester().writeTemp(ReturnedCopy.REJECTIONS.tag(entry.transferId()),
                exchange.sealedFor(inspected.rejections(), requester));
    }

    /**
     * Journals, seals, audits and publishes; returns the name the holder's copy was published
     * under. {@code entry} is the journal row of the request file (the holder as recipient).
     */
    String forward(RequestExchange.Inspected inspected, Path original, Agreement agreement, Agency requester,
                   Agency holder, TransferJournal.Entry entry) throws IOException {
        Folders folders = folders(agreement.id(), requester, holder);
        String name = original.getFileName().toString();
        String transferId = entry.transferId();
        String deliveredAs = folders.holder().nameFor(transferId, name, ".p7m");
        journal.begin(entry, deliveredAs);
        afterStep.accept(Step.JOURNALED);
        folders.holder().writeTemp(transferId, exchange.sealedFor(inspected.passed(), holder));
        folders.requester().writeTemp(ReturnedCopy.REJECTIONS.tag(transferId), exchange.sealedFor(inspected.rejections(), requester));
        afterStep.accept(Step.SEALED);
        audit.append(auditEntry(inspected.result(), transferId, name, agreement, requester)
                .change("requests to " + holder.id() + " as " + deliveredAs + ": "
                        + RequestExchange.counts(inspected.result())).build());
        afterStep.accept(Step.AUDITED);
        publish(folders, transferId, name, deliveredAs);
        return deliveredAs;
    }

    /** Finishes a forward a stopped run had audited: both copies published once, under the journaled name. */
    void finish(TransferJournal.Entry row, Folders folders, String name) throws IOException {
        if (row.state() == TransferJournal.State.DELIVERED) {
            // published and journaled: only the temporary names may be left
            removeTemps(folders, row.transferId());
            return;
        }
        publish(folders, row.transferId(), name, row.deliveredAs().orElseThrow(() -> new IllegalStateException(
                "request transfer " + row.transferId() + " was audited without a journaled name")));
    }

    /**
     * Drops the partial copies of a forward that stopped before its audit event and ends otherwise
     * now: each in the folder of its agency, as far as the policies still know the agency.
     */
    void abandon(TransferJournal.Entry row, Optional<Agency> holder, Optional<Agency> requester) throws IOException {
        if (holder.isPresent()) {
            requestFolder(row.agreement(), holder.get()).removeTemp(row.transferId());
        }
        if (requester.isPresent()) {
            requestFolder(row.agreement(), requester.get()).removeTemp(ReturnedCopy.REJECTIONS.tag(row.transferId()));
        }
        journal.done(row.transferId());
        // the file ends under another transfer id (quarantined), so this one's working copies go here
        exchange.work().discard(row.transferId());
    }

    private void publish(Folders folders, String transferId, String name, String deliveredAs) throws IOException {
        folders.holder().publishTemp(transferId, deliveredAs);
        afterStep.accept(Step.HOLDER_PUBLISHED);
        String tag = ReturnedCopy.REJECTIONS.tag(transferId);
        // the requester's copy is named when published: a stopped run's link to it is found again
        folders.requester().publishTemp(tag, folders.requester().nameFor(tag, name + ReturnedCopy.REJECTIONS.suffix(),
                ".p7m"));
        afterStep.accept(Step.REJECTIONS_PUBLISHED);
        journal.delivered(transferId, deliveredAs);
        afterStep.accept(Step.DELIVERED);
        removeTemps(folders, transferId);
    }

    private static void removeTemps(Folders folders, String transferId) throws IOException {
        folders.holder().removeTemp(transferId);
        folders.requester().removeTemp(ReturnedCopy.REJECTIONS.tag(transferId));
    }

    /** Actor and origin say the requester sent it; provider and recipient are the agreement's, as for every transfer. */
    private static AuditEntry.Builder auditEntry(InspectionResult r, String transferId, String name,
                                                 Agreement agreement, Agency requester) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DELIVERED, requester.id()).origin("outbox:" + requester.id())
                .object(FileNames.printable(name)).outcome(Outcome.SUCCESS)
                .transferId(transferId).provider(agreement.provider()).recipient(agreement.recipient())
                .agreement(agreement.id()).authority(agreement.authority()).category(DisclosureReport.REQUEST_CATEGORY)
                .recordCount(r.arrived()).reasonCodes(r.refusedByReason().entrySet().stream()
                        .filter(e -> e.getValue() > 0).map(e -> e.getKey().name()).sorted().toList());
    }
}
