package org.safegate.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {
    /** The leaves of the RFC 6962 reference test tree, used by Certificate Transparency implementations. */
    private static final String[] REFERENCE_LEAVES = {"", "00", "10", "2021", "3031", "40414243",
        "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    private static final String[] REFERENCE_ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsMatchTheReferenceTree() {
        CompactRange range = new CompactRange();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < REFERENCE_LEAVES.length; i++) {
            byte[] leaf = TreeHashes.leaf(HexFormat.of().parseHex(REFERENCE_LEAVES[i]));
            leaves.add(leaf);
            range.append(leaf);
            assertThat(TreeHashes.hex(range.root())).as("root of %d", i + 1).isEqualTo(REFERENCE_ROOTS[i]);
            assertThat(TreeHashes.hex(new MerkleProofs(naive(leaves)).root(i + 1))).isEqualTo(REFERENCE_ROOTS[i]);
        }
        assertThat(TreeHashes.hex(new CompactRange().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyInclusionProofChecksAndNoAlteredOneDoes() {
        List<byte[]> leaves = leaves(70);
        MerkleProofs proofs = new MerkleProofs(naive(leaves));
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = proofs.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = proofs.inclusion(index, size);
                assertThat(ProofCheck.inclusion(index, size, leaves.get(index), path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if (!path.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(path);
                    altered.set(0, leaves.get((index + 1) % size == index ? 0 : (index + 1) % size).clone());
                    altered.get(0)[0] ^= 1;
                    assertThat(ProofCheck.inclusion(index, size, leaves.get(index), altered, root)).isFalse();
                }
                if (size < leaves.size()) {
                    assertThat(ProofCheck.inclusion(index, size + 1, leaves.get(index), path, proofs.root(size + 1)))
                            .as("leaf %d claimed in %d", index, size + 1).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofChecksAndAForkDoesNot() {
        List<byte[]> leaves = leaves(40);
        MerkleProofs proofs = new MerkleProofs(naive(leaves));
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(3, TreeHashes.leaf("other".getBytes(StandardCharsets.UTF_8)));
        MerkleProofs forkProofs = new MerkleProofs(naive(forked));
        for (int second = 1; second <= leaves.size(); second++) {
            for (int first = 0; first <= second; first++) {
                List<byte[]> proof = proofs.consistency(first, second);
                assertThat(ProofCheck.consistency(first, second, proofs.root(first), proofs.root(second), proof))
                        .as("%d to %d", first, second).isTrue();
                if (first > 3 && first < second) {
                    assertThat(ProofCheck.consistency(first, second, forkProofs.root(first), proofs.root(second),
                            proof)).as("fork %d to %d", first, second).isFalse();
                }
            }
        }
    }

    @Test
    void completedNodesAreTheSubtreesTheProofsAskFor() {
        List<byte[]> leaves = leaves(37);
        List<String> completed = new ArrayList<>();
        CompactRange range = new CompactRange();
        Subtrees naive = naive(leaves);
        for (byte[] leaf : leaves) {
            range.append(leaf, (level, index, hash) -> {
                assertThat(hash).isEqualTo(naive.hash(index << level, level));
                completed.add(level + ":" + index);
            });
        }
        assertThat(completed).contains("1:0", "5:0", "2:8").doesNotContain("6:0");
        assertThat(new CompactRange(range.size(), range.roots()).root()).isEqualTo(range.root());
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(TreeHashes.leaf(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** Subtree hashes straight from the definition: the reference the real sources are held to. */
    static Subtrees naive(List<byte[]> leaves) {
        return (start, level) -> mth(leaves.subList((int) start, (int) (start + (1L << level))));
    }

    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return TreeHashes.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    @Test
    void aTreeEdgeWithTheWrongNumberOfSubtreesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CompactRange(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 leaves has 2");
        assertThat(Arrays.equals(new CompactRange().root(), TreeHashes.emptyRoot())).isTrue();
    }
}
