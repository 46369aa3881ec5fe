package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.safegate.audit.AuditLog;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.model.PolicySet;
import org.safegate.recall.DisposalCertifications;
import org.safegate.recall.RecalledPayloads;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one file from an agency's outbox to its outcome: takes it into the gateway's private folder
 * ({@link TakenFiles}), then runs it through the stages of {@link TransferPipeline} (identify,
 * authenticate the sender, classify as disclosure or redisclosure, decide, seal and publish, or
 * refuse). Anything in doubt (store, keys, audit, endpoint unavailable) holds the taken file, to
 * be retried.
 */
public final class TransferProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(TransferProcessor.class);

    private final Supplier<PolicySet> policies;
    private final SafeguardGate gate;
    private final OutboxLayout layout;
    private final KeyProvider keys;
    private final CertificateVerifier verifier;
    private final Endpoints endpoints;
    private final TransferJournal journal;
    private final DeliveredPayloads payloads;
    private final RecalledPayloads recalled;
    private final DisposalCertifications certifications;
    private final Delivery delivery;
    private final Refusals refusals;
    private final RequestFiles requests;
    private final TransferRecorder recorder;
    private final HeldFiles held;
    private final LinkRefusals links;
    private final WithdrawnFiles withdrawn;
    private final TakenFiles taken;
    private final TransferPipeline pipeline;
    private final Clock clock;

    public TransferProcessor(Supplier<PolicySet> policies, SafeguardGate gate, OutboxLayout layout, KeyProvider keys,
                             CertificateVerifier verifier, Endpoints endpoints, TransferJournal journal,
                             DeliveredPayloads payloads, RecalledPayloads recalled,
                             DisposalCertifications certifications, Delivery delivery, Refusals refusals,
                             RequestFiles requests, TransferRecorder recorder, HeldFiles held, TakenFiles taken,
                             Clock clock) {
        this(policies, gate, layout, keys, verifier, endpoints, journal, payloads, recalled, certifications, delivery,
                refusals, requests, recorder, held, taken, clock, step -> { });
    }

    private TransferProcessor(Supplier<PolicySet> policies, SafeguardGate gate, OutboxLayout layout, KeyProvider keys,
                              CertificateVerifier verifier, Endpoints endpoints, TransferJournal journal,
                              DeliveredPayloads payloads, RecalledPayloads recalled,
                              DisposalCertifications certifications, Delivery delivery, Refusals refusals,
                              RequestFiles requests, TransferRecorder recorder, HeldFiles held, TakenFiles taken,
                              Clock clock, Consumer<DisposalCertificates.Done> afterCertificateStep) {
        this.policies = policies;
        this.gate = gate;
        this.layout = layout;
        this.keys = keys;
        this.verifier = verifier;
        this.endpoints = endpoints;
        this.journal = journal;
        this.payloads = payloads;
        this.recalled = recalled;
        this.certifications = certifications;
        this.delivery = delivery;
        this.refusals = refusals;
        this.requests = requests;
        this.recorder = recorder;
        this.held = held;
        this.taken = taken;
        this.clock = clock;
        PartialCopies partialCopies = new PartialCopies(endpoints, delivery, requests);
        this.links = new LinkRefusals(refusals, delivery, partialCopies);
        this.withdrawn = new WithdrawnFiles(policies, journal, recorder, partialCopies, taken);
        SenderCheck senderCheck = new SenderCheck(keys, verifier, endpoints);
        this.pipeline = new TransferPipeline(new TransferPipeline.Parts(gate, layout, keys, endpoints, payloads, recalled,
                delivery, refusals, requests, senderCheck, links, partialCopies,
                new DeliveryRecovery(delivery, endpoints, payloads),
                new AnswerFiles(journal, requests.exchange(), partialCopies, refusals, recalled), recorder,
                new DisposalCertificates(layout, senderCheck, certifications, recorder, endpoints, delivery.archive(),
                        afterCertificateStep)));
    }

    /**
     * Processes a file of the sender's outbox, or one taken from it already; never throws: a
     * failure holds it. A file still in the outbox is first taken into the gateway's private folder
     * ({@link TakenFiles}); everything after that reads the private copy only.
     */
    public TransferOutcome process(String sender, Path outbox, Path file) {
        if (taken.holds(sender, file)) {
            return processTaken(sender, file);
        }
        if (held.waiting(file)) {
            return TransferOutcome.HELD;
        }
        Path snapshot;
        try {
            // before anything of the file is read: through a link it is some other file, one the sender may not read
            if (links.refused(policies.get(), sender, outbox, file, clock.instant())) {
                held.release(file);
                return TransferOutcome.QUARANTINED;
            }
            snapshot = taken.take(sender, outbox, file);
            held.release(file);
        } catch (NoSuchFileException gone) {
            if (!file.toString().equals(gone.getFile()) || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return hold(sender, file, gone);
            }
            // its sender took it back after the poll found it: nothing was read, nothing is owed
            held.release(file);
            LOG.info("{} left {}'s outbox before it was taken", FileNames.printable(file.getFileName().toString()),
                    sender);
            return TransferOutcome.NONE;
        } catch (IOException | RuntimeException e) {
            return hold(sender, file, e);
        }
        return processTaken(sender, snapshot);
    }

    private TransferOutcome processTaken(String sender, Path file) {
        if (held.waiting(file)) {
            return TransferOutcome.HELD;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            held.release(file);
            return TransferOutcome.NONE;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            TransferOutcome outcome = pipeline.run(new TransferAttempt(policies.get(), clock.instant(), sender,
                    taken.root(sender), file, attributes.size(), attributes.lastModifiedTime().toMillis()));
            held.release(file);
            return outcome;
        } catch (IOException | RuntimeException e) {
            return hold(sender, file, e);
        }
    }

    private TransferOutcome hold(String sender, Path file, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int attempts = held.hold(file, reason);
        // the first attempt is logged by the hold itself; the retries are for debugging
        LOG.debug("holding {} from {} (attempt {}): {}", FileNames.printable(file.getFileName().toString()), sender,
                attempts, reason);
        try {
            recorder.held(sender, file.getFileName().toString(), reason);
        } catch (RuntimeException auditDown) {
            LOG.warn("the hold itself could not be audited: {}", auditDown.getMessage());
        }
        return TransferOutcome.HELD;
    }

    /** Journals as DONE the finished deliveries still waiting for a next journal step. */
    public void finishWaiting() {
        journal.finishWaiting();
    }

    /**
     * Refuses a journal an earlier version left transfers in flight in, finishes takes a stopped run left half done ({@link TakenFiles}), then sweeps the sealings a
     * stopped run left behind whose file has left its outbox since
     * ({@link WithdrawnFiles}), and the working copies of transfers that ended ({@link WorkFiles});
     * call before the outboxes are polled. Returns how many sealings were swept.
     */
    public int sweepWithdrawn(Map<String, Path> outboxes) {
        journal.requireRowsOfThisVersion();
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
        return new TransferProcessor(policies, gate, layout, keys, verifier, endpoints, journal, payloads, recalled,
                certifications, delivery, refusals, other, recorder, held, taken, clock);
    }

    /**
     * The same processor reaching keys, the audit log and the private folder through the ones given
     * (tests act at each of those points with it: they are where a transfer waits on something).
     */
    TransferProcessor intercepted(KeyProvider otherKeys, AuditLog otherAudit, TakenFiles otherTaken) {
        TransferRecorder otherRecorder = recorder.withAudit(otherAudit);
        return new TransferProcessor(policies, gate, layout, otherKeys, verifier, endpoints, journal, payloads, recalled,
                certifications, delivery.with(otherKeys, otherRecorder), refusals, requests, otherRecorder, held,
                otherTaken, clock);
    }

    /** The same processor told after each step of an accepted certificate of disposal (tests stop one there). */
    TransferProcessor withCertificateSteps(Consumer<DisposalCertificates.Done> afterStep) {
        return new TransferProcessor(policies, gate, layout, keys, verifier, endpoints, journal, payloads, recalled,
                certifications, delivery, refusals, requests, recorder, held, taken, clock, afterStep);
    }

    /** The same processor refusing through other refusals (tests stop a refusal half way with it). */
    TransferProcessor withRefusals(Refusals other) {
        return new TransferProcessor(policies, gate, layout, keys, verifier, endpoints, journal, payloads, recalled,
                certifications, delivery, other, requests, recorder, held, taken, clock);
    }
}
