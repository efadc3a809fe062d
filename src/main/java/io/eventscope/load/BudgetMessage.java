package io.eventscope.load;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.DecimalText;
import io.eventscope.event.TimelineFullException;

/**
 * The one sentence that says a load stopped at the memory budget. The facts are worded once; only the
 * advice differs, because the command line and the viewer offer different ways to see the rest.
 */
public final class BudgetMessage {
    /** Who reads the sentence, and so which advice it ends with. */
    public enum Reader { COMMAND_LINE, VIEWER }

    private BudgetMessage() {
    }

    public static String sentence(String sourceName, CoordinateKind kind, TimelineFullException full, Reader reader) {
        String facts = "Stopped loading " + sourceName + " after " + DecimalText.grouped(full.loaded())
                + " events: the memory budget of " + size(full.budgetBytes()) + " is used up. ";
        return facts + (reader == Reader.VIEWER ? viewerAdvice(kind) : commandLineAdvice(kind));
    }

    /** In MiB, or KiB or bytes for a budget below one MiB (never "0 MiB"). */
    public static String size(long bytes) {
        return bytes >= 1 << 20 ? DecimalText.grouped(bytes >> 20) + " MiB"
                : bytes >= 1 << 10 ? DecimalText.grouped(bytes >> 10) + " KiB" : DecimalText.grouped(bytes) + " bytes";
    }

    // verify and the other commands print this part byte for byte as before the loader moved here.
    private static String commandLineAdvice(CoordinateKind kind) {
        String advice = kind == CoordinateKind.LINE
                ? "raise the budget with --max-memory and the JVM's -Xmx to read the whole file"
                : "load a window with --since INSTANT or --last N to see later events, or raise --max-memory and -Xmx";
        return "What follows covers only those events; " + advice + ".";
    }

    // Files are always read whole, so a window only helps for stations and streams.
    private static String viewerAdvice(CoordinateKind kind) {
        String advice = kind == CoordinateKind.LINE
                ? "start Eventscope with more memory (-Xmx) to see the rest"
                : "load a window of the source (eventscope state/events with --since or --last) or start "
                        + "Eventscope with more memory to see the rest";
        return "The events loaded so far are shown; " + advice + ".";
    }
}
