package org.safegate.transfer;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safegate.crypto.SignedInput;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.TransferRequest;
import org.safegate.recall.RecalledPayloads;
import org.safegate.store.AnswerRecords;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;

/**
 * The stages a taken file goes through, in order. Each stage reads what the stages before it found
 * ({@link TransferAttempt}) and says whether the transfer goes on ({@link Step}); refusals are
 * carried out in one place, {@link #refuse}. Where a stopped run left a transfer is looked up in
 * one table, {@link #resumeJournaled}. Every stage reads the gateway's private copy only.
 */
final class TransferPipeline {

    /** One stage of a transfer. */
    @FunctionalInterface
    interface Stage {
        Step run(TransferAttempt attempt) throws IOException;
    }

    private final List<Stage> stages = List.of(
            this::refuseLinks,
            this::resumeJournaled,
            this::certify,
            this::identify,
            this::forwardRequest,
            this::authenticateSender,
            this::classify,
            this::decide,
            this::releaseAnswers,
            this::sealAndPublish);

    private final Parts parts;

    /** What the stages work with. */
    record Parts(SafeguardGate gate, OutboxLayout layout, org.safegate.keys.KeyProvider keys, Endpoints endpoints,
                 DeliveredPayloads payloads, RecalledPayloads recalled, Delivery delivery, Refusals refusals, RequestFiles requests,
                 SenderCheck senderCheck, LinkRefusals links, PartialCopies partialCopies, DeliveryRecovery recovery,
                 AnswerFiles answerFiles, TransferRecorder recorder, DisposalCertificates certificates) {
    }

    TransferPipeline(Parts parts) {
        this.parts = parts;
    }

    /** Runs the stages until one ends the transfer. */
    TransferOutcome run(TransferAttempt attempt) throws IOException {
        for (Stage stage : stages) {
            Step step = stage.run(attempt);
            if (step instanceof Step.Ended ended) {
                return ended.outcome();
            }
            if (!(step instanceof Step.Next)) {
                return refuse(attempt, step);
            }
        }
        throw new IllegalStateException("the last stage ends every transfer");
    }

    /** A refusal: a stopped run's partial copy goes first, then the file is quarantined or denied. */
    private TransferOutcome refuse(TransferAttempt a, Step refusal) throws IOException {
        parts.partialCopies().abandon(a.policies, a.unfinished);
        if (refusal instanceof Step.Quarantine quarantine) {
            parts.refusals().quarantine(a.policies, a.sender, a.outbox, a.file, quarantine.refusal(), a.now);
            return TransferOutcome.QUARANTINED;
        }
        parts.refusals().deny(a.file, a.senderInbox, a.transfer, a.source, a.now);
        return TransferOutcome.DENIED;
    }

    /**
     * Checked again in the private folder: a link swapped in just before the take was moved as a
     * link, and a hard link made before it would still share the content with a name the sender can
     * write to.
     */
    private Step refuseLinks(TransferAttempt a) throws IOException {
        return parts.links().refused(a.policies, a.sender, a.outbox, a.file, a.now)
                ? Step.ended(TransferOutcome.QUARANTINED) : Step.NEXT;
    }

    /**
     * The recovery table: where a transfer a stopped run journaled picks up again. A refusal is
     * finished as it was decided. A delivery the recipient may have (published) or the log has
     * (audited) is finished as journaled, never decided again. A sealing never audited is decided
     * again from here, under its transfer id; its partial copy is replaced or dropped.
     */
    private Step resumeJournaled(TransferAttempt a) throws IOException {
        a.unfinished = parts.delivery().unfinished(a.sender, a.source, a.size, a.modified);
        if (a.unfinished.isEmpty()) {
            return Step.NEXT;
        }
        TransferJournal.Entry row = a.unfinished.get();
        return switch (row.state()) {
            case REFUSING -> finishRefusal(a, row);
            case DELIVERED -> finishDelivery(a, row);
            case SEALING -> parts.recorder().deliveryRecorded(row.transferId()) ? finishDelivery(a, row) : Step.NEXT;
        };
    }

    private Step finishRefusal(TransferAttempt a, TransferJournal.Entry row) throws IOException {
        Optional<Receipt.Outcome> refused = parts.refusals().resume(a.policies, a.file, row);
        if (refused.isEmpty()) {
            // its original is in quarantine already: this file merely looks the same, and is a new transfer
            a.unfinished = Optional.empty();
            return Step.NEXT;
        }
        return Step.ended(refused.get() == Receipt.Outcome.DENIED ? TransferOutcome.DENIED : TransferOutcome.QUARANTINED);
    }

    private Step finishDelivery(TransferAttempt a, TransferJournal.Entry row) throws IOException {
        return Step.ended(OutboxLayout.isRequest(java.nio.file.Path.of(a.source))
                ? parts.requests().finish(a.policies, a.file, row, a.size, a.now)
                : parts.recovery().finishDelivery(a.policies, a.sender, a.file, row, a.size));
    }

    /** A certificate of disposal, {@code recalls/<recall-id>.json}, is recorded or refused ({@link DisposalCertificates}). */
    private Step certify(TransferAttempt a) throws IOException {
        return parts.certificates().run(a);
    }

    /** Where the file lies says who sent it under which agreement, and whether it is a request file. */
    private Step identify(TransferAttempt a) {
        Either<Refusal, OutboxEntry> identified = parts.layout().identify(a.sender, a.outbox, a.file, a.policies);
        if (identified instanceof Either.Left<Refusal, OutboxEntry> refused) {
            return new Step.Quarantine(refused.value());
        }
        a.entry = ((Either.Right<Refusal, OutboxEntry>) identified).value();
        a.agreement = a.policies.agreement(a.entry.agreement()).orElseThrow();
        a.from = a.policies.agency(a.sender).orElseThrow();
        return Step.NEXT;
    }

    /** A request file is inspected record by record and forwarded to the holder ({@link RequestFiles}). */
    private Step forwardRequest(TransferAttempt a) throws IOException {
        if (!a.entry.request()) {
            return Step.NEXT;
        }
        return Step.ended(parts.requests().process(a.policies, a.entry, a.agreement, a.outbox,
                a.unfinished, a.now));
    }

    /** A signed file must be signed by its sender; what it says is what is sent on. */
    private Step authenticateSender(TransferAttempt a) throws IOException {
        Either<Refusal, Optional<SignedInput.Verified>> signed = parts.senderCheck().check(a.from, a.file, a.now);
        if (signed instanceof Either.Left<Refusal, Optional<SignedInput.Verified>> badSignature) {
            return new Step.Quarantine(badSignature.value());
        }
        a.signedBy = ((Either.Right<Refusal, Optional<SignedInput.Verified>>) signed).value();
        return Step.NEXT;
    }

    /**
     * A disclosure, or a redisclosure when the gateway delivered the same data to the sender
     * before; the transfer as its events and receipt will tell it.
     */
    private Step classify(TransferAttempt a) throws IOException {
        Optional<RecordCount> counter = a.unfinished.isEmpty() && a.signedBy.isEmpty()
                ? RecordCount.forName(a.entry.name()) : Optional.empty();
        String sha256 = a.unfinished.map(TransferJournal.Entry::payloadSha256)
                .orElse(a.signedBy.isPresent() ? a.signedBy.get().contentSha256() : Digests.sha256(a.file, counter));
        // what sealing must read: the file exactly as it was checked
        a.checkedSha256 = Optional.of(a.signedBy.isPresent() ? a.signedBy.get().fileSha256() : sha256);
        a.recipient = a.policies.agency(a.agreement.recipient()).orElseThrow();
        String transferId = a.unfinished.map(TransferJournal.Entry::transferId).orElse(UUID.randomUUID().toString());
        a.earlier = parts.payloads().deliveredTo(sha256, a.sender);
        a.transfer = Transfer.under(a.agreement, transferId, a.sender, a.recipient.id(),
                FileCategory.recorded(a.agreement, a.entry.name()), a.entry.name(), sha256, a.size)
                .disclosingAgain(a.earlier.map(DeliveredPayloads.Delivery::transferId))
                .withRecords(counter.isPresent() ? Optional.of(counter.get().records()) : records(a));
        a.recipientFolder = parts.endpoints().inbox(a.recipient.inbox()).child(a.agreement.id());
        a.senderInbox = parts.endpoints().inbox(a.from.inbox());
        return Step.NEXT;
    }

    /**
     * The records of a file whose digest was not read here: a resumed sealing reads it once more
     * (a stopped run's file is the rare case), a signed input's records are inside its envelope.
     */
    private static Optional<Long> records(TransferAttempt a) throws IOException {
        return a.unfinished.isPresent() && a.signedBy.isEmpty() ? RecordCount.of(a.file) : Optional.empty();
    }

    /**
     * The safeguard gate: is the recipient's safeguard review and corrective-action plan current?
     * Asked for the category the sender stated, or for each of the agreement's when it stated none
     * (the file may carry any of them); every reason of every answer is kept. Data that was
     * recalled is denied whoever sends it and under whatever agreement ({@link RecalledPayloads}).
     */
    private Step decide(TransferAttempt a) {
        Transfer t = a.transfer;
        LocalDate day = LocalDate.ofInstant(a.now, ZoneOffset.UTC);
        List<org.safegate.policy.Reason> reasons = new java.util.ArrayList<>();
        for (String category : FileCategory.decided(a.agreement, t.name())) {
            TransferRequest request = a.earlier
                    .map(d -> TransferRequest.redisclosure(a.sender, t.agreement(), category, day, d.agreement()))
                    .orElse(TransferRequest.disclosure(a.sender, t.agreement(), category, day));
            parts.gate().decide(request).reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
        }
        // the recall's id only: its reason is internal and its notice is for the holders
        parts.recalled().recallOf(t.sha256()).ifPresent(recall -> reasons.add(new org.safegate.policy.Reason(
                org.safegate.policy.ReasonCode.DATA_RECALLED, "this data was recalled (recall " + recall + ")")));
        a.decision = new org.safegate.policy.Decision(t.agreement() + " " + t.category(), day, reasons);
        a.transfer = t.withReasons(parts.refusals().reasons(a.decision));
        return a.decision.permitted() ? Step.NEXT : new Step.Deny();
    }

    /**
     * An answer file sends on only the answers to requests that passed; the rest are withheld. Its
     * delivery is recorded under the digest of the answers released, unless they were recalled.
     */
    private Step releaseAnswers(TransferAttempt a) throws IOException {
        if (a.agreement.requestRules().isEmpty() || !a.sender.equals(a.agreement.provider())) {
            return Step.NEXT;
        }
        Either<TransferOutcome, AnswerFiles.Released> answers = parts.answerFiles().filter(a.policies,
                new AnswerFiles.Answering(a.sealingRow(), a.agreement, a.from, a.outbox, a.file, a.resealing(),
                        a.recipientFolder, a.senderInbox), a.transfer, a.now);
        if (answers instanceof Either.Left<TransferOutcome, AnswerFiles.Released> refused) {
            return Step.ended(refused.value());
        }
        AnswerFiles.Released released = ((Either.Right<TransferOutcome, AnswerFiles.Released>) answers).value();
        // the released answers are the gateway's own working copy, written from the checked file: sealed
        // as they were digested, and the delivery recorded under their digest (what the recipient holds)
        a.content = released.content();
        a.checkedSha256 = Optional.of(released.payload().sha256());
        a.released = Optional.of(released.payload());
        a.transfer = released.ended();
        // which request each released answer answers, recorded with the delivery
        a.alongside = AnswerRecords.delivering(a.transfer.transferId());
        return Step.NEXT;
    }

    /**
     * Sealed for the recipient, audited, published, receipted and archived ({@link Delivery}); a
     * stopped run's sealing is sealed again under the same transfer id, replacing its partial copy.
     */
    private Step sealAndPublish(TransferAttempt a) throws IOException {
        X509Certificate certificate = parts.keys().certificate(parts.endpoints().reference(a.recipient.certificate()));
        parts.delivery().deliver(a.content, a.checkedSha256, a.file, a.recipientFolder, a.senderInbox, certificate,
                a.sealingRow(), a.transfer, a.released, a.alongside);
        return Step.ended(TransferOutcome.DELIVERED);
    }
}
