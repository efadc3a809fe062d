package io.eventscope.audit;

/**
 * The kinds of finding an audit reports. A new check (invariant violations, clock skew, the retention
 * horizon) adds its kind here and its groups in {@link AuditReport}.
 */
public enum FindingKind {
    /** Events kept in the timeline but skipped by replay; one group per reason. */
    FLAGGED_EVENT,
    /** Sequences a stream no longer holds. */
    SEQUENCE_GAP,
    /** The load stopped at the memory budget: later events were not read. */
    PARTIAL_LOAD,
    /** Events that left one of the projection's invariants false; one group per invariant. */
    INVARIANT_VIOLATION,
    /** A fact about the source that limits what can be known, e.g. a compacted Kafka topic. */
    SOURCE_CAVEAT,
    /** Events whose event time and broker time disagree by more than the projection's clockSkew. */
    CLOCK_SKEW,
    /** Events whose event time is earlier than that of the event before them. */
    TIME_BACKWARDS,
    /**
     * A stream or partition whose history starts after its first sequence or offset (retention): state
     * before its first retained event cannot be known. Shown, not counted by the verdict.
     */
    RETENTION_HORIZON
}
