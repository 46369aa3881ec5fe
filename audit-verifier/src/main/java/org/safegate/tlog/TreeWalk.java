package org.safegate.tlog;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Walks a log's leaves in order beside its signed checkpoints and its witnesses, and names the
 * first point where they disagree. Checkpoints come in tree-size order, each naming the size of the
 * one before it ({@code previous} extension line), so a deleted checkpoint shows as a gap; each
 * must verify with the audit key and state the root the leaves so far hash to; at the end, a
 * checkpoint beyond the last leaf means the log was cut short, and leaves beyond the last
 * checkpoint are covered by nothing. Constant memory: the tree's edge and one checkpoint at a time.
 */
public final class TreeWalk {
    private final CompactRange tree;
    private final long anchorSize;
    private final Iterator<CheckedNote> notes;
    private final Deque<Witness> witnesses;
    private CheckedNote pending;
    private long lastSigned = -1;
    private long checkpoints;
    private long witnessed;
    private boolean anyValid;

    /**
     * @param anchor    the tree's edge where the walked stretch starts (empty at the first event)
     * @param notes     the checkpoints, in tree-size order
     * @param witnesses checkpoints held elsewhere, any order
     */
    public TreeWalk(CompactRange anchor, Iterator<CheckedNote> notes, List<Witness> witnesses) {
        this.tree = anchor.copy();
        this.anchorSize = anchor.size();
        this.notes = notes;
        this.witnesses = new ArrayDeque<>(witnesses.stream()
                .sorted(Comparator.comparingLong(w -> w.head().size())).toList());
        this.pending = notes.hasNext() ? notes.next() : null;
    }

    /** Checks what is due before the first leaf (checkpoints and witnesses at the anchor). */
    public Optional<TreeProblem> start() {
        return due();
    }

    /** Adds the next leaf (hashed with {@link TreeHashes#leaf}) and checks what is due at the new size. */
    public Optional<TreeProblem> leaf(byte[] leafHash) {
        tree.append(leafHash);
        return due();
    }

    /**
     * After the last leaf: checkpoints and witnesses beyond it, and, when {@code requireCoverage},
     * leaves after the last checkpoint.
     */
    public Optional<TreeProblem> finish(boolean requireCoverage) {
        long size = tree.size();
        if (pending != null) {
            Optional<TreeProblem> signature = signature(pending);
            if (signature.isPresent()) {
                return signature;
            }
            return Optional.of(new TreeProblem(TreeProblem.Kind.TRUNCATED, size + 1, "a signed checkpoint covers "
                    + pending.head().size() + " events but the log ends at " + size, null));
        }
        Witness beyond = witnesses.peekLast();
        if (beyond != null && beyond.head().size() > size) {
            return Optional.of(new TreeProblem(TreeProblem.Kind.ROLLED_BACK, size + 1, beyond.source()
                    + " saw " + beyond.head().size() + " events signed; the log has " + size
                    + ": it was rolled back or cut short", beyond.source()));
        }
        if (requireCoverage && size > Math.max(lastSigned, anchorSize)) {
            long first = Math.max(lastSigned, anchorSize) + 1;
            return Optional.of(new TreeProblem(TreeProblem.Kind.UNCOVERED, first, "events " + first + " to " + size
                    + " are not covered by any signed checkpoint", null));
        }
        return Optional.empty();
    }

    /** The current tree: its size and root, for a seal or a report. */
    public CompactRange tree() {
        return tree.copy();
    }

    public long checkpoints() {
        return checkpoints;
    }

    public long witnessed() {
        return witnessed;
    }

    /** The size of the last checkpoint checked, if any. */
    public OptionalLong lastSigned() {
        return lastSigned < 0 ? OptionalLong.empty() : OptionalLong.of(lastSigned);
    }

    private Optional<TreeProblem> due() {
        while (pending != null && (pending.head() == null || pending.head().size() <= tree.size())) {
            CheckedNote note = pending;
            pending = notes.hasNext() ? notes.next() : null;
            Optional<TreeProblem> problem = checkpoint(note);
            if (problem.isPresent()) {
                return problem;
            }
        }
        while (!witnesses.isEmpty() && witnesses.peekFirst().head().size() <= tree.size()) {
            Optional<TreeProblem> problem = witness(witnesses.pollFirst());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<TreeProblem> checkpoint(CheckedNote note) {
        Optional<TreeProblem> signature = signature(note);
        if (signature.isPresent()) {
            return signature;
        }
        TreeHead head = note.head();
        if (head.size() < tree.size()) {
            return Optional.empty(); // before the walked stretch (an archive's past)
        }
        checkpoints++;
        if (!MessageDigest.isEqual(head.root(), tree.root())) {
            return Optional.of(new TreeProblem(TreeProblem.Kind.INCONSISTENT, head.size(), "the events up to "
                    + head.size() + " do not hash to the root their signed checkpoint states: they were rewritten"
                    + " after it was signed", null));
        }
        long previous = previous(head);
        boolean first = lastSigned < 0;
        if (first ? previous > anchorSize || (anchorSize == 0 && previous != 0) : previous != lastSigned) {
            long missing = first ? previous : Math.max(previous, lastSigned);
            return Optional.of(new TreeProblem(TreeProblem.Kind.CHECKPOINT_MISSING, missing, "the checkpoint of "
                    + missing + " events is missing: the checkpoint of " + head.size() + " events follows "
                    + (first ? "the start" : "the one of " + lastSigned) + " but names " + previous + " as its previous",
                    null));
        }
        lastSigned = head.size();
        return Optional.empty();
    }

    private Optional<TreeProblem> signature(CheckedNote note) {
        if (note.head() == null) {
            return Optional.of(new TreeProblem(TreeProblem.Kind.CHECKPOINT_SIGNATURE_INVALID, tree.size() + 1,
                    "a checkpoint cannot be read: " + note.problem(), null));
        }
        long size = note.head().size();
        return switch (note.check()) {
            case VALID -> {
                anyValid = true;
                yield Optional.empty();
            }
            case BAD_SIGNATURE -> Optional.of(new TreeProblem(TreeProblem.Kind.CHECKPOINT_SIGNATURE_INVALID, size,
                    "the checkpoint of " + size + " events does not verify with the audit key", null));
            case OTHER_KEY -> Optional.of(new TreeProblem(anyValid ? TreeProblem.Kind.CHECKPOINT_SIGNATURE_INVALID
                    : TreeProblem.Kind.OTHER_KEY, size, "the checkpoint of " + size
                    + " events is signed by a different key than the audit certificate's", null));
        };
    }

    private Optional<TreeProblem> witness(Witness witness) {
        TreeHead head = witness.head();
        if (head.size() < tree.size() || head.size() < anchorSize) {
            return Optional.empty(); // before the walked stretch: an earlier archive holds it
        }
        witnessed++;
        if (!MessageDigest.isEqual(head.root(), tree.root())) {
            return Optional.of(new TreeProblem(TreeProblem.Kind.FORKED, head.size(), witness.source()
                    + " saw another log at " + head.size() + " events: the log was rewritten (forked) after"
                    + " that checkpoint was handed out", witness.source()));
        }
        return Optional.empty();
    }

    private static long previous(TreeHead head) {
        try {
            return Long.parseLong(head.extension("previous").orElse("0"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
