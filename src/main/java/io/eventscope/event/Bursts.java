package io.eventscope.event;

/**
 * A streaming {@link TimelineWriter}'s plan: after how many held positions it folds and drops them, and
 * where a held window starts (positions before it stream by; from it on everything is kept).
 */
final class Bursts {
    /** Positions held before the burst is folded and dropped; 0 keeps every position. */
    int size;
    Runnable fold;
    /** Readers that may read as positions are published, between folds; null for none. */
    private Runnable catchUp;
    /** The held window's first position while earlier ones still stream; then 0. */
    int holdFrom;
    Runnable windowStarts;

    /** Streams in bursts of {@code size}; set before the first of the writer's {@code held} positions. */
    void stream(int held, int size, Runnable fold, Runnable catchUp) {
        if (held != 0 || size < 1) {
            throw new IllegalStateException("streaming is set before appending, with a burst of 1 or more");
        }
        this.size = size;
        this.fold = fold;
        this.catchUp = catchUp;
    }

    /** Lets the catch-up readers read what is published, while positions still stream (not once held). */
    void catchUp() {
        if (size > 0 && catchUp != null) {
            catchUp.run();
        }
    }

    /** Holds positions from {@code firstPosition} on; {@code windowStarts} runs when the first is reached. */
    void hold(int firstPosition, Runnable windowStarts) {
        if (firstPosition < 2) {
            throw new IllegalArgumentException("a held window starts after position 1, not at " + firstPosition);
        }
        this.holdFrom = firstPosition;
        this.windowStarts = windowStarts;
    }

    /** Whether {@code count} more positions after {@code held} pass the burst, so what is held folds first. */
    boolean foldDue(int held, int count) {
        return size > 0 && held > 0 && held + count > size;
    }

    /** Whether the position after {@code appended} is the held window's first. */
    boolean windowStartsAfter(int appended) {
        return holdFrom > 0 && appended == holdFrom - 1;
    }

    /**
     * How many of {@code count} positions after {@code appended} still stream when the held window starts
     * among them, else -1.
     */
    int streamedBeforeWindow(int appended, int count) {
        int streamed = holdFrom - 1 - appended;
        return holdFrom > 0 && count > streamed ? streamed : -1;
    }
}
