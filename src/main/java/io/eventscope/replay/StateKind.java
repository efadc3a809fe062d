package io.eventscope.replay;

/** What an entity state field holds: an exact decimal (balances) or a plain value (a status). */
public enum StateKind {
    DECIMAL,
    TEXT
}
