package io.eventscope.source;

/** Receives load progress a few times a second, for progress bars and status lines. */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = status -> { };

    void update(LoadStatus status);
}
