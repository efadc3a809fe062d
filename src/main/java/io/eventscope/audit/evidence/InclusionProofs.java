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
    private final MerkleTree.Range[] ranges;
    private final MerkleTree.Builder[] rangeBuilders;

    /** @param leaves 0-based indexes of the leaves to prove, each below {@code size} */
    public InclusionProofs(long size, List<Long> leaves) {
        for (long leaf : leaves) {
            List<MerkleTree.Range> path = MerkleTree.pathRanges(leaf, size);
            paths.put(leaf, path);
            for (MerkleTree.Range r : path) {
                builders.computeIfAbsent(r, k -> new MerkleTree.Builder());
            }
        }
        ranges = builders.keySet().toArray(new MerkleTree.Range[0]);
        rangeBuilders = builders.values().toArray(new MerkleTree.Builder[0]);
    }

    /** Feeds leaf {@code index}'s hash (leaves must come in order). */
    public void accept(long index, byte[] leafHash) {
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i].holds(index)) {
                rangeBuilders[i].add(leafHash);
            }
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
