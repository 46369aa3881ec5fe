package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.DisclosureReport;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.Revocations;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.TransferJournal;

/**
 * A request file from the requester of an agreement with request rules: it is denied when the
 * agreement is not in force or revoked or the requester is revoked (with the reason codes of any
 * denial, its receipt and audit event), quarantined when another agency places it, or when it cannot be read or
 * too many records are deficient, and otherwise its passing records go to the data holder, once
 * ({@link RequestForward}), before the requester's receipt and the archived original end it.
 */
public final class RequestFiles {
    private final RequestExchange exchange;
    private final RequestForward forward;
    private final Refusals refusals;
    private final TransferRecorder recorder;
    private final Endpoints endpoints;
    private final Revocations revocations;
    private final TransferJournal journal;
    private final Archive archive;

    public RequestFiles(RequestExchange exchange, RequestForward forward, Refusals refusals, TransferRecorder recorder,
                        Endpoints endpoints, Revocations revocations, TransferJournal journal, Path dataDir) {
        this.exchange = exchange;
        this.forward = forward;
        this.refusals = refusals;
        this.recorder = recorder;
        this.endpoints = endpoints;
        this.revocations = revocations;
        this.journal = journal;
        this.archive = new Archive(dataDir);
    }

    public RequestExchange exchange() {
        return exchange;
    }

    /**
     * Decides and forwards a request file. {@code interrupted} is the journal row of a forward a
     * stopped run began and never audited: its transfer id is kept, its partial copies replaced or,
     * when the file is refused now, dropped.
     */
    TransferOutcome process(PolicySet set, OutboxEntry entry, Agreement agreement, Path outbox,
                                      Optional<TransferJournal.Entry> interrupted, Instant now) throws IOException {
        Path file = entry.file();
        Agency requester = set.agency(entry.sender()).orElseThrow();
        Agency holder = set.agency(agreement.provider()).orElseThrow();
        if (!requester.id().equals(agreement.recipient())) {
            abandon(set, interrupted);
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.MISPLACED,
                    requester.id() + " is not the requester under " + agreement.id()), now);
            return TransferOutcome.QUARANTINED;
        }
        List<Receipt.Reason> denial = denial(agreement, requester, LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (!denial.isEmpty()) {
            abandon(set, interrupted);
            deny(entry, agreement, requester, holder, outbox, denial, now);
            return TransferOutcome.DENIED;
        }
        String transferId = interrupted.map(TransferJournal.Entry::transferId).orElse(UUID.randomUUID().toString());
        RequestExchange.Inspected inspected;
        try {
            inspected = exchange.inspect(file, agreement, transferId, now);
        } catch (SafegateException e) {
            if (e.code() != ErrorCode.RECORD_FILE_INVALID) {
                throw e;
            }
            abandon(set, interrupted);
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.INPUT_MALFORMED,
                    e.getMessage()), now);
            // quarantined under another transfer id: what the inspection wrote before it failed goes here
            exchange.work().discard(transferId);
            return TransferOutcome.QUARANTINED;
        }
        try {
            return forwardInspected(set, entry, agreement, outbox, requester, holder, inspected, now);
        } catch (IOException | RuntimeException e) {
            discardIfUnjournaled(transferId, e);
            throw e;
        }
    }

    /**
     * A file held before its forward was journaled is inspected again under a new transfer id when
     * it is retried: the working copies of this attempt are of no use, and would otherwise stay
     * until the next start.
     */
    private void discardIfUnjournaled(String transferId, Exception failure) {
        try {
            if (!journal.inFlight(transferId)) {
                exchange.work().discard(transferId);
            }
        } catch (RuntimeException storeDown) {
            failure.addSuppressed(storeDown);
        }
    }

    private TransferOutcome forwardInspected(PolicySet set, OutboxEntry entry, Agreement agreement,
                                                       Path outbox, Agency requester, Agency holder,
                                                       RequestExchange.Inspected inspected, Instant now)
            throws IOException {
        Path file = entry.file();
        String transferId = inspected.transferId();
        String counts = RequestExchange.counts(inspected.result());
        String sha256 = Digests.sha256(file);
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        TransferJournal.Entry row = new TransferJournal.Entry(transferId, requester.id(),
                outbox.relativize(file).toString(), size, modified, agreement.id(), holder.id(), sha256,
                TransferJournal.State.SEALING, Optional.empty());
        if (inspected.result().quarantined()) {
            // the refused records go back to the requester once, when the refusal under this transfer id is audited
            forward.prepareRejections(inspected, agreement, requester, holder, row);
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.REQUESTS_DEFICIENT,
                    "too many deficient records to pass any: " + counts), now, transferId);
            return TransferOutcome.QUARANTINED;
        }
        String deliveredAs = forward.forward(inspected, file, agreement, requester, holder, row);
        Transfer ended = Transfer.under(agreement, transferId, requester.id(), holder.id(),
                DisclosureReport.REQUEST_CATEGORY, entry.name(), sha256, size).publishedAs(deliveredAs)
                .withRecords(inspected.result().passed(), counts);
        receiptAndArchive(file, requester, ended, now);
        return TransferOutcome.DELIVERED;
    }

    /**
     * Finishes a forward a stopped run had audited (and maybe published): what the log says was
     * sent is sent, under the journaled name, without inspecting or deciding again. Should the
     * policies have lost its agreement or agencies, the file is held until they are back.
     */
    TransferOutcome finish(PolicySet set, Path file, TransferJournal.Entry row, long size, Instant now)
            throws IOException {
        Agreement agreement = set.agreement(row.agreement()).orElseThrow(() -> missing(row, "agreement " + row.agreement()));
        Agency requester = set.agency(row.sender()).orElseThrow(() -> missing(row, "agency " + row.sender()));
        Agency holder = set.agency(row.recipient()).orElseThrow(() -> missing(row, "agency " + row.recipient()));
        String name = file.getFileName().toString();
        forward.finish(row, forward.folders(agreement.id(), requester, holder), name);
        Transfer ended = Transfer.under(agreement, row.transferId(), requester.id(), holder.id(),
                DisclosureReport.REQUEST_CATEGORY, name, row.payloadSha256(), size).publishedAs(row.deliveredAs());
        receiptAndArchive(file, requester, ended, now);
        return TransferOutcome.DELIVERED;
    }

    /** Drops the partial copies of an interrupted forward that ends otherwise. */
    void abandon(PolicySet set, Optional<TransferJournal.Entry> interrupted) throws IOException {
        if (interrupted.isEmpty() || interrupted.get().state() == TransferJournal.State.DELIVERED) {
            return;
        }
        TransferJournal.Entry row = interrupted.get();
        forward.abandon(row, set.agency(row.recipient()), set.agency(row.sender()));
    }

    private void receiptAndArchive(Path file, Agency requester, Transfer ended, Instant now)
            throws IOException {
        recorder.receipt(endpoints.inbox(requester.inbox()), ended, Receipt.Outcome.DELIVERED, now);
        archive.keep(file, ended.transferId());
        journal.doneWithNextStep(ended.transferId());
    }

    private static SafegateException missing(TransferJournal.Entry row, String what) {
        return new SafegateException(ErrorCode.POLICY_INVALID, "request transfer " + row.transferId()
                + " was sent under " + what + ", which the policies no longer have: it is finished once they do");
    }

    /**
     * Why the agreement or the requester's standing refuses requests today, with the codes a file
     * under the agreement is denied with: not in force, the agreement revoked, the requester revoked
     * (in the words the requester may read: a revocation's notice, never its internal reason).
     */
    private List<Receipt.Reason> denial(Agreement agreement, Agency requester, LocalDate day) {
        List<Receipt.Reason> reasons = new ArrayList<>(1);
        revocations.agreementInForce(agreement.id()).ifPresent(r -> reasons.add(new Receipt.Reason(
                ReasonCode.AGREEMENT_REVOKED.name(), r.shared())));
        if (!agreement.inForceOn(day)) {
            reasons.add(new Receipt.Reason(ReasonCode.AGREEMENT_NOT_IN_FORCE.name(),
                    "agreement " + agreement.id() + " is not in force on " + day));
        }
        revocations.inForce(requester.id()).ifPresent(r -> reasons.add(new Receipt.Reason(
                ReasonCode.AGENCY_REVOKED.name(), r.shared())));
        return reasons;
    }

    /** A request file the agreement's standing refuses: denied as any file under it, with receipt and audit event. */
    private void deny(OutboxEntry entry, Agreement agreement, Agency requester, Agency holder, Path outbox,
                      List<Receipt.Reason> reasons, Instant now)
            throws IOException {
        Path file = entry.file();
        // under a new transfer id, as a quarantine before the inspection: an interrupted forward was abandoned
        Transfer ended = Transfer.under(agreement, UUID.randomUUID().toString(), entry.sender(), holder.id(),
                DisclosureReport.REQUEST_CATEGORY, entry.name(), Digests.sha256(file), Files.size(file))
                .withReasons(reasons);
        refusals.deny(file, endpoints.inbox(requester.inbox()), ended, outbox.relativize(file).toString(), now);
    }
}
