package io.eventscope.replay;

/**
 * A rule the history must never break ({@code balance >= 0}), checked on the entity an event touched
 * right after the event is applied.
 */
public record Invariant(String name, Expression check) {
}
