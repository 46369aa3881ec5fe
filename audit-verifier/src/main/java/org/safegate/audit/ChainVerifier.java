package org.safegate.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.safegate.tlog.CheckedNotes;
import org.safegate.tlog.NoteKeys;
import org.safegate.tlog.TreeProblem;
import org.safegate.tlog.TreeWalk;

/**
 * Recomputes a hash chain and its checkpoint signatures, and names the first problem. Needs no
 * database: it reads events from any source (the store, an export). One pass, constant memory.
 *
 * <p>How a problem is named, at the first event that does not fit (expected sequence {@code s},
 * expected previous hash {@code p}):
 * <ul>
 * <li>content does not hash to its stored hash: reordered if it (and the next event) would hash
 *     right with their sequence numbers swapped; inserted if it would hash right one place earlier
 *     (an event was slipped in before it); otherwise altered;</li>
 * <li>sequence above {@code s}: reordered if the next event is {@code s}, otherwise removed;</li>
 * <li>sequence below {@code s}: inserted (two events claim one place);</li>
 * <li>right sequence, wrong link: inserted if the next event links to {@code p}, otherwise the event
 *     before was altered (rewritten together with its hash);</li>
 * <li>a checkpoint that does not verify: checkpoint signature invalid; a valid checkpoint or the
 *     recorded head beyond the last event: truncated.</li>
 * </ul>
 */
public final class ChainVerifier {
    private static final long PROGRESS_EVERY = 100_000;

    private final CheckpointVerifier checkpoints;
    private final NoteKeys treeKeys;
    private final LongConsumer progress;

    /** Verifies with the audit certificate: its key checks checkpoints of both formats. */
    public ChainVerifier(java.security.cert.X509Certificate certificate) {
        this(certificate, count -> { });
    }

    /** With a progress callback, told the number of events checked every 100,000 events. */
    public ChainVerifier(java.security.cert.X509Certificate certificate, LongConsumer progress) {
        this.checkpoints = new CertificateCheckpointVerifier(certificate);
        this.treeKeys = new NoteKeys(certificate.getPublicKey());
        this.progress = progress;
    }

    NoteKeys treeKeys() {
        return treeKeys;
    }

    public VerificationResult verify(ChainInput input) {
        HashedEvents events = new HashedEvents(input.events());
        try {
            return new Walk(input, events).run();
        } finally {
            events.close();
        }
    }

    private final class Walk {
        private final HashedEvents.Peeking events;
        private final List<Checkpoint> cps;
        private final boolean[] validSignature;
        private final ChainInput input;
        private final TreeWalk tree;
        private int cpIndex;
        private long expected;
        private String prevHash;
        private String prevPrevHash;
        private long count;
        private long cpCount;

        Walk(ChainInput input, HashedEvents hashed) {
            this.input = input;
            this.events = new HashedEvents.Peeking(hashed);
            this.cps = input.checkpoints();
            // signatures are independent of the walk: check them all at once, on every core
            this.validSignature = new boolean[cps.size()];
            java.util.stream.IntStream.range(0, cps.size()).parallel()
                    .forEach(i -> validSignature[i] = checkpoints.isValid(cps.get(i)));
            this.expected = input.anchorSequence() + 1;
            this.prevHash = input.anchorHash();
            this.tree = new TreeWalk(input.anchorTree(), new CheckedNotes(input.treeHeads(), treeKeys),
                    input.witnesses());
        }

        VerificationResult run() {
            Optional<Tamper> problem = checkpointsUpTo(input.anchorSequence(), input.anchorHash())
                    .or(() -> tamper(tree.start()));
            while (problem.isEmpty() && events.hasNext()) {
                HashedEvents.Hashed hashed = events.next();
                AuditEvent event = hashed.event();
                boolean selfConsistent = hashed.isSelfConsistent();
                if (selfConsistent && event.sequence() == expected && event.previousHash().equals(prevHash)) {
                    problem = checkpointsUpTo(event.sequence(), event.hash());
                    if (problem.isEmpty()) {
                        accept(event);
                        problem = tamper(tree.leaf(hashed.leaf())).map(this::explain);
                    }
                } else {
                    HashedEvents.Hashed next = events.peek();
                    problem = Optional.of(classify(event, selfConsistent, next == null ? null : next.event()));
                }
            }
            if (problem.isEmpty()) {
                problem = tail().or(() -> tamper(tree.finish(input.requireCoverage())));
            }
            return new VerificationResult(count, cpCount + tree.checkpoints(), expected - 1, prevHash, problem,
                    tree.tree(), tree.witnessed());
        }

        /**
         * An event slipped in (or moved) so that it links correctly still breaks the signed tree at
         * once; the event after it tells which it was, and that is the more useful name.
         */
        private Tamper explain(Tamper treeProblem) {
            HashedEvents.Hashed next = treeProblem.kind() == TamperKind.INCONSISTENT ? events.peek() : null;
            if (next == null || (next.isSelfConsistent() && next.event().sequence() == expected
                    && next.event().previousHash().equals(prevHash))) {
                return treeProblem;
            }
            Tamper chain = classify(next.event(), next.isSelfConsistent(), null);
            return chain.kind() == TamperKind.ALTERED ? treeProblem : chain;
        }

        private Optional<Tamper> tamper(Optional<TreeProblem> problem) {
            return problem.map(p -> new Tamper(TamperKind.valueOf(p.kind() == TreeProblem.Kind.OTHER_KEY
                    ? "SIGNED_BY_OTHER_KEY" : p.kind().name()), p.sequence(), p.detail()));
        }

        private void accept(AuditEvent event) {
            prevPrevHash = prevHash;
            prevHash = event.hash();
            expected++;
            if (++count % PROGRESS_EVERY == 0) {
                progress.accept(count);
            }
        }

        /** Checks every checkpoint up to {@code sequence}, which has just been accepted with {@code hash}. */
        private Optional<Tamper> checkpointsUpTo(long sequence, String hash) {
            while (cpIndex < cps.size() && cps.get(cpIndex).sequence() <= sequence) {
                boolean valid = validSignature[cpIndex];
                Checkpoint cp = cps.get(cpIndex++);
                if (cp.sequence() < sequence && cp.sequence() < expected - 1) {
                    continue; // before the stretch under verification (an archive's or range's past)
                }
                cpCount++;
                if (!valid) {
                    return Optional.of(new Tamper(TamperKind.CHECKPOINT_SIGNATURE_INVALID, cp.sequence(),
                            "the checkpoint signed at " + CanonicalEncoding.formatTime(cp.time())
                                    + " does not verify with the audit certificate"));
                }
                if (cp.sequence() == sequence && !cp.hash().equals(hash)) {
                    return Optional.of(new Tamper(TamperKind.ALTERED, cp.sequence(),
                            "the chain up to this event was rewritten: it no longer matches its signed checkpoint"));
                }
            }
            return Optional.empty();
        }

        private Tamper classify(AuditEvent event, boolean selfConsistent, AuditEvent next) {
            long s = expected;
            if (!selfConsistent) {
                if (next != null && event.withSequence(s + 1).isSelfConsistent()
                        && next.withSequence(s).isSelfConsistent() && next.previousHash().equals(prevHash)) {
                    return new Tamper(TamperKind.REORDERED, s, "events " + s + " and " + (s + 1) + " swapped places");
                }
                if (count > 0 && event.withSequence(event.sequence() - 1).isSelfConsistent()
                        && event.previousHash().equals(prevPrevHash)) {
                    return new Tamper(TamperKind.INSERTED, s - 1, "an event that was never appended was put in"
                            + " before the original event " + (s - 1) + ", which was renumbered");
                }
                return new Tamper(TamperKind.ALTERED, event.sequence(), "its content does not match its hash");
            }
            if (event.sequence() > s) {
                if (next != null && next.sequence() == s) {
                    return new Tamper(TamperKind.REORDERED, s, "event " + event.sequence() + " comes before " + s);
                }
                return new Tamper(TamperKind.REMOVED, s, "the chain goes from " + (s - 1) + " to " + event.sequence());
            }
            if (event.sequence() < s) {
                return new Tamper(TamperKind.INSERTED, event.sequence(), "two events claim sequence " + event.sequence());
            }
            if (next != null && next.previousHash().equals(prevHash)) {
                return new Tamper(TamperKind.INSERTED, s, "it does not link to the event before it");
            }
            return new Tamper(TamperKind.ALTERED, s - 1, "the next event does not link to it: it was rewritten");
        }

        private Optional<Tamper> tail() {
            long last = expected - 1;
            for (int i = cpIndex; i < cps.size(); i++) {
                Checkpoint cp = cps.get(i);
                cpCount++;
                if (!validSignature[i]) {
                    return Optional.of(new Tamper(TamperKind.CHECKPOINT_SIGNATURE_INVALID, cp.sequence(),
                            "the checkpoint does not verify with the audit certificate"));
                }
                return Optional.of(new Tamper(TamperKind.TRUNCATED, last + 1, "a signed checkpoint covers events up to "
                        + cp.sequence() + " but the chain ends at " + last));
            }
            if (input.expectedHead().isPresent() && input.expectedHead().getAsLong() > last) {
                return Optional.of(new Tamper(TamperKind.TRUNCATED, last + 1, "the chain head is "
                        + input.expectedHead().getAsLong() + " but the chain ends at " + last));
            }
            return Optional.empty();
        }
    }
}
