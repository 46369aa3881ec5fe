package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.safegate.audit.AuditLog;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.SignedInput;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.Decision;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.TransferRequest;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one file from an agency's outbox to its outcome: identify (where it lies says who sent it
 * under which agreement), recognise a redisclosure (the gateway delivered the same data to the
 * sender before), decide (the Shiro gate), then deliver sealed, or deny, or quarantine. Anything in
 * doubt (store, keys, audit, endpoint unavailable) holds the taken file, to be retried.
 */
public final class TransferProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(TransferProcessor.class);

    /** How a file ended this time; NONE: another attempt had brought it to its outcome meanwhile. */
    public enum Outcome { DELIVERED, DENIED, QUARANTINED, HELD, NONE }

    private final Supplier<PolicySet> policies;
    private final SafeguardGate gate;
    private final OutboxLayout layout;
    private final KeyProvider keys;
    private final CertificateVerifier verifier;
    private final Endpoints endpoints;
    private final TransferJournal journal;
    private final DeliveredPayloads payloads;
    private final Delivery delivery;
    private final Refusals refusals;
    private final RequestFiles requests;
    private final SenderCheck senderCheck;
    private final TransferRecorder recorder;
    private final HeldFiles held;
    private final PartialCopies partialCopies;
    private final LinkRefusals links;
    private final WithdrawnFiles withdrawn;
    private final TakenFiles taken;
    private final DeliveryRecovery recovery;
    private final AnswerFiles answerFiles;
    private final Clock clock;

    public TransferProcessor(Supplier<PolicySet> policies, SafeguardGate gate, OutboxLayout layout, KeyProvider keys,
                             CertificateVerifier verifier, Endpoints endpoints, TransferJournal journal,
                             DeliveredPayloads payloads, Delivery delivery, Refusals refusals, RequestFiles requests,
                             TransferRecorder recorder, HeldFiles held, TakenFiles taken, Clock clock) {
        this.policies = policies;
        this.gate = gate;
        this.layout = layout;
        this.keys = keys;
        this.verifier = verifier;
        this.endpoints = endpoints;
        this.journal = journal;
        this.payloads = payloads;
        this.delivery = delivery;
        this.refusals = refusals;
        this.requests = requests;
        this.senderCheck = new SenderCheck(keys, verifier, endpoints);
        this.recorder = recorder;
        this.held = held;
        this.partialCopies = new PartialCopies(endpoints, delivery, requests);
        this.links = new LinkRefusals(refusals, delivery, partialCopies);
        this.withdrawn = new WithdrawnFiles(policies, journal, recorder, partialCopies, taken);
        this.taken = taken;
        this.recovery = new DeliveryRecovery(delivery, endpoints, payloads, recorder, refusals);
        this.answerFiles = new AnswerFiles(journal, requests.exchange(), partialCopies, refusals);
        this.clock = clock;
    }

    /**
     * Processes a file of the sender's outbox, or one taken from it already; never throws: a
     * failure holds it. A file still in the outbox is first taken into the gateway's private folder
     * ({@link TakenFiles}); everything after that reads the private copy only.
     */
    public Outcome process(String sender, Path outbox, Path file) {
        if (taken.holds(sender, file)) {
            return processTaken(sender, file);
        }
        if (held.waiting(file)) {
            return Outcome.HELD;
        }
        Path snapshot;
        try {
            // before anything of the file is read: through a link it is some other file, one the sender may not read
            if (links.refused(policies.get(), sender, outbox, file, clock.instant())) {
                held.release(file);
                return Outcome.QUARANTINED;
            }
            snapshot = taken.take(sender, outbox, file);
            held.release(file);
        } catch (IOException | RuntimeException e) {
            return hold(sender, file, e);
        }
        return processTaken(sender, snapshot);
    }

    private Outcome processTaken(String sender, Path file) {
        if (held.waiting(file)) {
            return Outcome.HELD;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            held.release(file);
            return Outcome.NONE;
        }
        try {
            Outcome outcome = attempt(sender, taken.root(sender), file);
            held.release(file);
            return outcome;
        } catch (IOException | RuntimeException e) {
            return hold(sender, file, e);
        }
    }

    private Outcome hold(String sender, Path file, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int attempts = held.hold(file, reason);
        LOG.warn("holding {} from {} (attempt {}): {}", FileNames.printable(file.getFileName().toString()), sender,
                attempts, reason);
        try {
            recorder.held(sender, file.getFileName().toString(), reason);
        } catch (RuntimeException auditDown) {
            LOG.warn("the hold itself could not be audited: {}", auditDown.getMessage());
        }
        return Outcome.HELD;
    }

    /** Journals as DONE the finished deliveries still waiting for a next journal step. */
    public void finishWaiting() {
        journal.finishWaiting();
    }

    /**
     * Finishes takes a stopped run left half done ({@link TakenFiles}), then sweeps the sealings a
     * stopped run left behind whose file has left its outbox since
     * ({@link WithdrawnFiles}), and the working copies of transfers that ended ({@link WorkFiles});
     * call before the outboxes are polled. Returns how many sealings were swept.
     */
    public int sweepWithdrawn(Map<String, Path> outboxes) {
        taken.finishInterrupted(outboxes);
        int swept = withdrawn.sweep(outboxes);
        requests.exchange().work().sweep(journal::inFlight);
        return swept;
    }

    public HeldFiles held() {
        return held;
    }

    /** Where files are taken out of their outboxes to. */
    public TakenFiles taken() {
        return taken;
    }

    /** The same processor taking request files through other ones (tests stop a forward half way with it). */
    TransferProcessor withRequests(RequestFiles other) {
        return new TransferProcessor(policies, gate, layout, keys, verifier, endpoints, journal, payloads, delivery,
                refusals, other, recorder, held, taken, clock);
    }

    /**
     * The same processor reaching keys, the audit log and the private folder through the ones given
     * (tests act at each of those points with it: they are where a transfer waits on something).
     */
    TransferProcessor intercepted(KeyProvider otherKeys, AuditLog otherAudit, TakenFiles otherTaken) {
        TransferRecorder otherRecorder = recorder.withAudit(otherAudit);
        return new TransferProcessor(policies, gate, layout, otherKeys, verifier, endpoints, journal, payloads,
                delivery.with(otherKeys, otherRecorder), refusals, requests, otherRecorder, held, otherTaken, clock);
    }

    /** The same processor refusing through other refusals (tests stop a refusal half way with it). */
    TransferProcessor withRefusals(Refusals other) {
        return new TransferProcessor(policies, gate, layout, keys, verifier, endpoints, journal, payloads, delivery,
                other, requests, recorder, held, taken, clock);
    }

    /** Takes a file from its private copy to its outcome; {@code outbox} is the sender's private folder. */
    private Outcome attempt(String sender, Path outbox, Path file) throws IOException {
        PolicySet set = policies.get();
        Instant now = clock.instant();
        // checked again in the private folder: a link swapped in just before the take was moved as a link, and a
        // hard link made before it would still share the content with a name the sender can write to
        if (links.refused(set, sender, outbox, file, now)) {
            return Outcome.QUARANTINED;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String source = outbox.relativize(file).toString();
        Optional<TransferJournal.Entry> unfinished = delivery.unfinished(sender, source, attributes.size(),
                attributes.lastModifiedTime().toMillis());
        if (unfinished.isPresent() && unfinished.get().state() == TransferJournal.State.REFUSING) {
            // a refusal a stopped run began is finished as it was decided, never decided again
            Optional<Receipt.Outcome> refused = refusals.resume(set, file, unfinished.get());
            if (refused.isPresent()) {
                return refused.get() == Receipt.Outcome.DENIED ? Outcome.DENIED : Outcome.QUARANTINED;
            }
            unfinished = Optional.empty();
        }
        boolean requestFile = OutboxLayout.isRequest(Path.of(source));
        if (unfinished.isPresent() && recovery.deliveryCommitted(unfinished.get())) {
            // the log (or the recipient's inbox) already has it delivered: finished so, never checked again
            return requestFile ? requests.finish(set, file, unfinished.get(), attributes.size(), now)
                    : recovery.finishDelivery(set, sender, file, unfinished.get(), attributes.size());
        }
        // what is left unfinished now is a sealing not yet audited, or (from earlier versions) a sealed copy not yet
        // audited: both are decided again
        Optional<TransferJournal.Entry> sealing = unfinished.filter(u -> u.state() == TransferJournal.State.SEALING);
        Either<Refusal, OutboxEntry> identified = layout.identify(sender, outbox, file, set);
        if (identified instanceof Either.Left<Refusal, OutboxEntry> refused) {
            partialCopies.abandon(set, unfinished);
            refusals.quarantine(set, sender, outbox, file, refused.value(), now);
            return Outcome.QUARANTINED;
        }
        OutboxEntry entry = ((Either.Right<Refusal, OutboxEntry>) identified).value();
        Agreement agreement = set.agreement(entry.agreement()).orElseThrow();
        if (entry.request()) {
            return requests.process(set, entry, agreement, outbox, sealing, now);
        }
        Either<Refusal, Optional<SignedInput.Verified>> signed = senderCheck.check(set.agency(sender).orElseThrow(),
                file, now);
        if (signed instanceof Either.Left<Refusal, Optional<SignedInput.Verified>> badSignature) {
            partialCopies.abandon(set, unfinished);
            refusals.quarantine(set, sender, outbox, file, badSignature.value(), now);
            return Outcome.QUARANTINED;
        }
        Optional<SignedInput.Verified> signedBy = ((Either.Right<Refusal, Optional<SignedInput.Verified>>) signed).value();
        String sha256 = unfinished.map(TransferJournal.Entry::payloadSha256)
                .orElse(signedBy.isPresent() ? signedBy.get().contentSha256() : Digests.sha256(file));
        // what sealing must read: the file exactly as it was checked
        Optional<String> checked = Optional.of(signedBy.isPresent() ? signedBy.get().fileSha256() : sha256);
        Optional<DeliveredPayloads.Delivery> earlier = payloads.deliveredTo(sha256, sender);
        String category = agreement.categories().get(0);
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        TransferRequest request = earlier
                .map(d -> TransferRequest.redisclosure(sender, agreement.id(), category, day, d.agreement()))
                .orElse(TransferRequest.disclosure(sender, agreement.id(), category, day));
        Decision decision = gate.decide(request);
        Agency recipient = set.agency(agreement.recipient()).orElseThrow();
        Agency from = set.agency(sender).orElseThrow();
        InboxFolder recipientFolder = endpoints.inbox(recipient.inbox()).child(agreement.id());
        InboxFolder senderInbox = endpoints.inbox(from.inbox());
        String transferId = unfinished.map(TransferJournal.Entry::transferId).orElse(UUID.randomUUID().toString());
        TransferRecorder.Ended ended = new TransferRecorder.Ended(transferId, sender, recipient.id(), agreement.id(),
                agreement.authority(), category, entry.name(), sha256, attributes.size(),
                earlier.map(DeliveredPayloads.Delivery::transferId),
                // a name journaled with sealing is chosen again: it was never published (nor audited)
                sealing.isPresent() ? Optional.empty() : unfinished.flatMap(TransferJournal.Entry::deliveredAs),
                refusals.reasons(decision), Optional.empty(), Optional.empty());
        if (unfinished.isPresent() && sealing.isEmpty()) {
            return recovery.resume(file, recipientFolder, senderInbox, ended, unfinished.get(), decision, now);
        }
        if (!decision.permitted()) {
            // a run stopped while sealing: its partial copy goes, and the file is denied
            partialCopies.abandon(set, sealing);
            refusals.deny(file, senderInbox, ended, source, now);
            return Outcome.DENIED;
        }
        TransferJournal.Entry row = new TransferJournal.Entry(transferId, sender, source, attributes.size(),
                attributes.lastModifiedTime().toMillis(), agreement.id(), recipient.id(), sha256,
                TransferJournal.State.SEALING, Optional.empty());
        Path content = file;
        if (agreement.requestRules().isPresent() && sender.equals(agreement.provider())) {
            // the released answers are the gateway's own working copy, written from the checked file
            checked = Optional.empty();
            Either<Outcome, AnswerFiles.Released> answers = answerFiles.filter(set, new AnswerFiles.Answering(row,
                    agreement, from, outbox, file, sealing.isPresent(), recipientFolder, senderInbox), ended, now);
            if (answers instanceof Either.Left<Outcome, AnswerFiles.Released> refused) {
                return refused.value();
            }
            AnswerFiles.Released released = ((Either.Right<Outcome, AnswerFiles.Released>) answers).value();
            content = released.content();
            ended = released.ended();
        }
        // a run stopped while sealing seals again under the same transfer id, replacing its partial copy
        X509Certificate certificate = keys.certificate(endpoints.reference(recipient.certificate()));
        delivery.deliver(content, checked, file, recipientFolder, senderInbox, certificate, row, ended);
        return Outcome.DELIVERED;
    }
}
