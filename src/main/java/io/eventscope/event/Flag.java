package io.eventscope.event;

import java.util.Objects;

/** A reason an event cannot be trusted for replay; {@code detail} says what exactly was wrong. */
public record Flag(FlagKind kind, String detail) {
    public Flag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One readable sentence fragment, e.g. "missing required field: Deposit has no amount". */
    public String reason() {
        return detail.isEmpty() ? kind.label() : kind.label() + ": " + detail;
    }

    @Override
    public String toString() {
        return reason();
    }
}
