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

    boolean isEmpty() {
        return leaves.isEmpty() && children.isEmpty();
    }
}
