package io.eventscope.audit.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Inclusion proofs for a few chosen leaves, gathered in the same single pass that builds the root, before
 * the tree's size is known (a time cut's size is known only once the read ends). A leaf's path in the
 * RFC 6962 tree of any size is made of the complete subtrees beside it (at level j, the block of 2^j leaves
 * next to its own), the last one cut short at the tree's right edge. So the pass keeps the hashes of the
 * complete sibling blocks as the {@link MerkleTree.Builder} makes them, and the short right edge comes from
 * the builder's own subtrees at the cut. Memory is a hash per level per chosen leaf, whatever the tree size.
 */
public final class InclusionProofs implements MerkleTree.Subtrees {
    /** Positions are ints, so no tree is deeper than this. */
    private static final int LEVELS = 32;

    private final long[] keys; // sorted: (block index << 6) | level of each wanted sibling block
    private final byte[][] hashes;

    /** @param leaves 0-based indexes of the leaves to prove */
    public InclusionProofs(Collection<Long> leaves) {
        TreeSet<Long> wanted = new TreeSet<>();
        for (long leaf : leaves) {
            for (int level = 0; level < LEVELS; level++) {
                wanted.add(key((leaf >> level) ^ 1, level));
            }
        }
        keys = wanted.stream().mapToLong(Long::longValue).toArray();
        hashes = new byte[keys.length][];
    }

    private static long key(long block, int level) {
        return block << 6 | level;
    }

    /** Keeps the hash of a complete subtree that some chosen leaf's path needs. */
    @Override
    public void hashed(long start, int level, byte[] hash) {
        if (level < LEVELS) {
            int i = Arrays.binarySearch(keys, key(start >> level, level));
            if (i >= 0) {
                hashes[i] = hash;
            }
        }
    }

    /**
     * The audit path of {@code leaf}, leaf end first, in the tree {@code tree} holds (the builder that told
     * this of its subtrees, or its {@link MerkleTree.Builder#copy()} at a cut).
     */
    public List<byte[]> proof(long leaf, MerkleTree.Builder tree) {
        List<byte[]> out = new ArrayList<>();
        for (MerkleTree.Range r : MerkleTree.pathRanges(leaf, tree.size())) {
            long n = r.to() - r.from();
            int level = Long.numberOfTrailingZeros(n);
            int i = Long.bitCount(n) == 1 && level < LEVELS ? Arrays.binarySearch(keys, key(r.from() >> level, level)) : -1;
            if (i >= 0 && hashes[i] != null) {
                out.add(hashes[i]);
            } else if (r.to() == tree.size()) {
                out.add(tree.suffixRoot(r.from())); // the right edge: the subtrees the builder holds from there on
            } else {
                throw new IllegalStateException("no hash was kept for leaves " + r.from() + ".." + r.to());
            }
        }
        return out;
    }
}
