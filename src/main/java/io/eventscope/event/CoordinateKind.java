package io.eventscope.event;

/** What the source coordinate of an event counts: a file line, a stream sequence or a partition offset. */
public enum CoordinateKind {
    LINE("line"),
    SEQUENCE("seq"),
    OFFSET("offset");

    private final String label;

    CoordinateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
