package io.eventscope.replay;

/**
 * What one event did to its entity: the entity's state just before and just after it. {@code before}
 * is null when the event was the entity's first; {@code applied} is false for flagged events, which
 * replay skips (then before and after are equal).
 */
public record EventChange(int position, String entity, EntityState before, EntityState after, boolean applied) {
}
