package io.eventscope.ui.state;

import io.eventscope.replay.ChangeText;
import io.eventscope.replay.StateKind;

/** One state field of the projection as a column of the state panel: its name, kind and heading. */
public record StateColumn(String field, StateKind kind) {
    /** "balance" → "Balance". */
    public String title() {
        return ChangeText.label(field);
    }

    public boolean decimal() {
        return kind == StateKind.DECIMAL;
    }
}
