package org.safegate.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tree checks on their own: ten leaves, checkpoints at 3, 7 and 10. */
class TreeWalkTest {
    private static final String ORIGIN = "safegate.local/audit";
    private KeyPair pair;
    private NoteKey key;
    private List<byte[]> leaves;

    @BeforeEach
    void keys() throws Exception {
        pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        key = new NoteKey(ORIGIN, pair.getPublic());
        leaves = MerkleProofsTest.leaves(10);
    }

    private String note(long size, long previous, List<byte[]> of) throws Exception {
        CompactRange tree = new CompactRange();
        of.subList(0, (int) size).forEach(tree::append);
        TreeHead head = new TreeHead(ORIGIN, size, tree.root(), List.of("time 2026-12-01T12:00:00.000Z",
                "previous " + previous));
        Signature signer = Signature.getInstance(key.algorithm());
        signer.initSign(pair.getPrivate());
        signer.update(head.text().getBytes(StandardCharsets.UTF_8));
        return new SignedNote(head.text(), List.of(key.signatureLine(signer.sign()))).format();
    }

    private Optional<TreeProblem> walk(List<String> notes, List<byte[]> log, List<Witness> witnesses) {
        TreeWalk walk = new TreeWalk(new CompactRange(), new CheckedNotes(notes.iterator(),
                new NoteKeys(pair.getPublic())), witnesses);
        Optional<TreeProblem> problem = walk.start();
        for (byte[] leaf : log) {
            if (problem.isPresent()) {
                return problem;
            }
            problem = walk.leaf(leaf);
        }
        return problem.or(() -> walk.finish(true));
    }

    private List<String> notes() throws Exception {
        return new ArrayList<>(List.of(note(3, 0, leaves), note(7, 3, leaves), note(10, 7, leaves)));
    }

    @Test
    void anIntactLogHasNoProblem() throws Exception {
        assertThat(walk(notes(), leaves, List.of())).isEmpty();
    }

    @Test
    void eachWayOfBreakingItIsNamed() throws Exception {
        List<String> middleGone = notes();
        middleGone.remove(1);
        assertThat(walk(middleGone, leaves, List.of())).get().extracting(TreeProblem::kind)
                .isEqualTo(TreeProblem.Kind.CHECKPOINT_MISSING);

        List<String> lastGone = notes();
        lastGone.remove(2);
        assertThat(walk(lastGone, leaves, List.of())).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TreeProblem.Kind.UNCOVERED);
            assertThat(p.sequence()).isEqualTo(8);
        });

        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(4, TreeHashes.leaf("other".getBytes(StandardCharsets.UTF_8)));
        assertThat(walk(notes(), rewritten, List.of())).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TreeProblem.Kind.INCONSISTENT);
            assertThat(p.sequence()).isEqualTo(7);
        });

        assertThat(walk(notes(), leaves.subList(0, 8), List.of())).get().extracting(TreeProblem::kind)
                .isEqualTo(TreeProblem.Kind.TRUNCATED);
    }

    @Test
    void witnessesShowARollbackAndAFork() throws Exception {
        Witness ofTen = new Witness(TreeHead.parse(SignedNote.parse(note(10, 7, leaves)).text()), "DOJ/10.checkpoint");
        assertThat(walk(notes().subList(0, 2), leaves.subList(0, 7), List.of(ofTen))).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TreeProblem.Kind.ROLLED_BACK);
            assertThat(p.witness()).isEqualTo("DOJ/10.checkpoint");
        });
        List<byte[]> other = new ArrayList<>(leaves);
        other.set(1, TreeHashes.leaf("forked".getBytes(StandardCharsets.UTF_8)));
        Witness forked = new Witness(TreeHead.parse(SignedNote.parse(note(5, 3, other)).text()), "ICE/5.checkpoint");
        assertThat(walk(notes(), leaves, List.of(forked))).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TreeProblem.Kind.FORKED);
            assertThat(p.sequence()).isEqualTo(5);
        });
    }

    @Test
    void checkpointsOfAnotherKeyAreNotTampering() throws Exception {
        KeyPair otherPair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        TreeWalk walk = new TreeWalk(new CompactRange(), new CheckedNotes(notes().iterator(),
                new NoteKeys(otherPair.getPublic())), List.of());
        Optional<TreeProblem> problem = walk.start();
        for (int i = 0; i < 3 && problem.isEmpty(); i++) {
            problem = walk.leaf(leaves.get(i));
        }
        assertThat(problem).get().extracting(TreeProblem::kind).isEqualTo(TreeProblem.Kind.OTHER_KEY);
    }
}
