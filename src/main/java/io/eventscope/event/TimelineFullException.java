package io.eventscope.event;

/**
 * Thrown by {@link TimelineWriter} when the next event would take the timeline past its memory budget.
 * Everything appended before stays in the timeline and usable; the load should stop and say so.
 */
public final class TimelineFullException extends RuntimeException {
    private final int loaded;
    private final long budgetBytes;

    public TimelineFullException(int loaded, long budgetBytes) {
        super("the memory budget of " + (budgetBytes >> 20) + " MiB is used up after " + loaded + " events");
        this.loaded = loaded;
        this.budgetBytes = budgetBytes;
    }

    public int loaded() {
        return loaded;
    }

    public long budgetBytes() {
        return budgetBytes;
    }
}
