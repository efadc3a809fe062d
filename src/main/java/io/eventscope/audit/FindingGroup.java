package io.eventscope.audit;

/**
 * Findings of one kind and reason: how many, a label to show, and the first timeline position involved
 * (0 when the finding is not at a position, e.g. a gap in a stream's sequences).
 */
public record FindingGroup(FindingKind kind, String label, long count, int firstPosition) {
    public boolean hasPosition() {
        return firstPosition > 0;
    }
}
