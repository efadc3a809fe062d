package io.eventscope.load;

import io.eventscope.event.MemoryBudget;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.EventSource;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSize;

/**
 * Before a load: how many events a source holds and how many of them the memory budget holds, from the
 * size the source tells up front and the heap the loader's budget check would count for them. An
 * estimate: the viewer offers a window before reading only when the source {@linkplain #clearlyTooLarge()
 * clearly} exceeds the budget, and still offers one after a load that stops at it.
 */
public record LoadForecast(long total, long fits, long budgetBytes) {
    /** "Clearly": the estimate must exceed what fits by half again, so an estimate a little off does not stop a load that fits. */
    static final double CLEARLY = 1.5;

    /** True when the source holds clearly more events than fit: offer a window before reading. */
    public boolean clearlyTooLarge() {
        return total > fits * CLEARLY;
    }

    /**
     * As {@link #of(EventSource, ProjectionSpec, long)} for the source {@code sourceText} names, opened only to
     * ask; {@code password} (may be null) is used when the text carries none.
     */
    public static LoadForecast of(String sourceText, String password, ProjectionSpec spec, long budgetBytes)
            throws SourceException {
        try (EventSource source = Sources.open(sourceText, password)) {
            return of(source, spec, budgetBytes);
        }
    }

    /**
     * The forecast for a whole load of {@code source} under {@code spec} within {@code budgetBytes} (≤ 0:
     * the default), or null when the source cannot tell its size up front. {@code total} is exact (a file's
     * lines are counted) once the estimate says the source is clearly too large, else estimated.
     */
    public static LoadForecast of(EventSource source, ProjectionSpec spec, long budgetBytes) throws SourceException {
        SourceSize size = source.sizeUpFront();
        if (size == null || size.positions() <= 0) {
            return null;
        }
        long budget = budgetBytes > 0 ? budgetBytes : MemoryBudget.defaultBytes();
        long perEvent = new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                spec.fieldMapping()).columnBytesPerEvent();
        long heap = MemoryBudget.forecastBytes(perEvent, size.positions(), size.bytes(),
                !spec.fieldMapping().idFields().isEmpty());
        long fits = heap <= budget ? size.positions() : (long) ((double) size.positions() * budget / heap);
        LoadForecast estimate = new LoadForecast(size.positions(), fits, budget);
        if (!estimate.clearlyTooLarge() || !size.estimated()) {
            return estimate;
        }
        long counted = source.positionCount();
        return counted > 0 ? new LoadForecast(counted, Math.min(fits, counted), budget) : estimate;
    }
}
