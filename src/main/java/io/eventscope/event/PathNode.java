package io.eventscope.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested references of a mapping as a tree: under each object on a JSON Pointer's way, the member
 * names that end a pointer (with their roles) and those that lead further down. The Jackson path walks it
 * alongside the parser, so a nested value costs one map lookup per level and nothing else is read.
 */
final class PathNode {
    final Map<String, int[]> leaves = new HashMap<>();
    final Map<String, PathNode> children = new HashMap<>();

    /** Adds the role triple for the pointer {@code path} (the part from {@code from} is below this node). */
    void add(List<String> path, int from, int[] triple) {
        String name = path.get(from);
        if (from == path.size() - 1) {
            leaves.merge(name, triple, FieldRoles::concat);
        } else {
            children.computeIfAbsent(name, k -> new PathNode()).add(path, from + 1, triple);
        }
    }

    // The same names as ASCII bytes, for the plain path (names with other characters never match there).
    private byte[][] leafNames = new byte[0][];
    private int[][] leafRoles = new int[0][];
    private byte[][] childNames = new byte[0][];
    private PathNode[] childNodes = new PathNode[0];

    /** Builds the byte lookups of this node and those below it; call once the tree is complete. */
    void freeze() {
        leafNames = leaves.keySet().stream().map(PathNode::ascii).toArray(byte[][]::new);
        leafRoles = leaves.values().toArray(int[][]::new);
        childNames = children.keySet().stream().map(PathNode::ascii).toArray(byte[][]::new);
        childNodes = children.values().toArray(PathNode[]::new);
        children.values().forEach(PathNode::freeze);
    }

    private static byte[] ascii(String name) {
        return name.chars().allMatch(c -> c < 0x80) ? name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : new byte[0];
    }

    /** The roles of the member named by ASCII bytes {@code buf[from, to)}, or null. */
    int[] leaf(byte[] buf, int from, int to) {
        int k = find(leafNames, buf, from, to);
        return k < 0 ? null : leafRoles[k];
    }

    /** The node below the member named by ASCII bytes {@code buf[from, to)}, or null. */
    PathNode child(byte[] buf, int from, int to) {
        int k = find(childNames, buf, from, to);
        return k < 0 ? null : childNodes[k];
    }

    private static int find(byte[][] names, byte[] buf, int from, int to) {
        int length = to - from;
        for (int k = 0; k < names.length; k++) {
            byte[] n = names[k];
            if (n.length == length && n.length > 0 == length > 0
                    && java.util.Arrays.equals(n, 0, length, buf, from, to)) {
                return k;
            }
        }
        return -1;
    }

    boolean isEmpty() {
        return leaves.isEmpty() && children.isEmpty();
    }
}
