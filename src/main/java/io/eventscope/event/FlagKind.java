package io.eventscope.event;

/** Why an event was flagged. Every flagged event keeps its position and is skipped by replay. */
public enum FlagKind {
    NOT_JSON("not JSON"),
    NOT_OBJECT("not a JSON object"),
    NO_TYPE("no event type"),
    MISSING_FIELD("missing required field"),
    BAD_ENTITY("unusable entity id"),
    DUPLICATE_KEY("repeated field"),
    NON_NUMERIC("non-numeric value"),
    AMOUNT_OUT_OF_RANGE("amount out of range"),
    BAD_TIME("unreadable event time"),
    DEAD_LETTER_RESEND("resent from the dead-letter station"),
    DUPLICATE_MESSAGE_ID("repeated message id"),
    /** The projection's event id seen before, with the same payload: the same event delivered twice. */
    DUPLICATE_EVENT("repeated event id"),
    /** The projection's event id seen before, with another payload: which one is right cannot be known. */
    CONFLICTING_DUPLICATE("conflicting event id"),
    DECODING_FAILURE("decoding failure"),
    TOMBSTONE("tombstone (null value)"),
    NOT_COMMITTED("not committed (aborted transaction)");

    private final String label;

    FlagKind(String label) {
        this.label = label;
    }

    /**
     * Whether the source gave this flag (it knows about the message, not the payload): kept when loaded
     * events are replayed under another projection, while the decoding flags are derived again.
     */
    public boolean fromSource() {
        return this == DEAD_LETTER_RESEND || this == DUPLICATE_MESSAGE_ID || this == TOMBSTONE
                || this == NOT_COMMITTED;
    }

    /**
     * Whether the flag says the event was sent or written twice (a resend, a repeated message or event id),
     * not that its payload was bad: a fact about the load's completeness.
     */
    public boolean isRepeat() {
        return this == DEAD_LETTER_RESEND || this == DUPLICATE_MESSAGE_ID || this == DUPLICATE_EVENT
                || this == CONFLICTING_DUPLICATE;
    }

    /** Short human label used to group findings, e.g. in {@code verify}. */
    public String label() {
        return label;
    }
}
