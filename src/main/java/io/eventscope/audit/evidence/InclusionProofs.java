package io.eventscope.audit.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inclusion proofs for a few chosen leaves, built in the same single pass that builds the root: every
 * subtree on a chosen leaf's path gets its own streaming {@link MerkleTree.Builder}, fed the leaves it
 * holds. Memory is a few hashes per path step, whatever the tree size.
 */
public final class InclusionProofs {
    private final Map<Long, List<MerkleTree.Range>> paths = new LinkedHashMap<>();
    private final Map<MerkleTree.Range, MerkleTree.Builder> builders = new LinkedHashMap<>();
    private final MerkleTree.Range[] ranges; // sorted by first leaf
    private final MerkleTree.Builder[] rangeBuilders;
    /** Ranges that hold the current leaf: a path's ranges are disjoint, so at most one per cited leaf. */
    private final List<Integer> open = new ArrayList<>();
    private int next;

    /** @param leaves 0-based indexes of the leaves to prove, each below {@code size} */
    public InclusionProofs(long size, List<Long> leaves) {
        for (long leaf : leaves) {
            List<MerkleTree.Range> path = MerkleTree.pathRanges(leaf, size);
            paths.put(leaf, path);
            for (MerkleTree.Range r : path) {
                builders.computeIfAbsent(r, k -> new MerkleTree.Builder());
            }
        }
        ranges = builders.keySet().stream().sorted(java.util.Comparator.comparingLong(MerkleTree.Range::from))
                .toArray(MerkleTree.Range[]::new);
        rangeBuilders = java.util.Arrays.stream(ranges).map(builders::get).toArray(MerkleTree.Builder[]::new);
    }

    /** Feeds leaf {@code index}'s hash (leaves must come in order). */
    public void accept(long index, byte[] leafHash) {
        open.removeIf(i -> !ranges[i].holds(index));
        while (next < ranges.length && ranges[next].from() <= index) {
            if (ranges[next].holds(index)) {
                open.add(next);
            }
            next++;
        }
        for (int i : open) {
            rangeBuilders[i].add(leafHash);
        }
    }

    /** Whether leaf {@code index} is one of the chosen ones. */
    public boolean cites(long index) {
        return paths.containsKey(index);
    }

    /** The audit path of {@code leaf}, leaf end first, once every leaf was fed. */
    public List<byte[]> proof(long leaf) {
        List<byte[]> out = new ArrayList<>();
        for (MerkleTree.Range r : paths.get(leaf)) {
            out.add(builders.get(r).root());
        }
        return out;
    }
}
