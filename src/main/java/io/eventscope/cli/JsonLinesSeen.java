package io.eventscope.cli;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import java.util.function.Consumer;

/**
 * Watches a file's lines, whole or burst by burst, for one that is a JSON object. A file none of whose
 * lines is one (a binary, a CSV, a log) is not an event log with bad lines but the wrong file.
 */
final class JsonLinesSeen implements Consumer<Timeline> {
    private boolean lines;
    private boolean any;

    @Override
    public void accept(Timeline t) {
        lines = t.coordinateKind() == CoordinateKind.LINE;
        any = any || anyJsonObject(t);
    }

    /** Whether an event the timeline holds was read as a JSON object (flagged or not). */
    static boolean anyJsonObject(Timeline t) {
        for (int i = 0; i < t.size(); i++) {
            if (!t.isFlagged(i) || t.flagsAt(i).stream().noneMatch(f -> f.kind() == FlagKind.NOT_JSON
                    || f.kind() == FlagKind.NOT_OBJECT || f.kind() == FlagKind.DECODING_FAILURE)) {
                return true;
            }
        }
        return false;
    }

    /** @throws UserError when the source is a file of {@code size} lines and none was a JSON object */
    void refuseIfNone(String sourceName, int size) {
        if (lines && size > 0 && !any) {
            throw new UserError(sourceName + " is not a JSON Lines file: none of its "
                    + DecimalText.grouped(size) + " lines is a JSON object. Give a file with one "
                    + "JSON object per line (eventscope demo writes an example).");
        }
    }
}
