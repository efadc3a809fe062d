package io.eventscope.ui.format;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a table column must be to show a text whole, in the window's table font, with cell padding. */
public final class ColumnWidths {
    /** Wider than this a column would crowd out the others; a longer text ends in "…" (the detail pane has it). */
    public static final double MAX = 520;
    private static final Font FONT = Font.font(13);
    private static final double PADDING = 22;

    private ColumnWidths() {
    }

    public static double of(String text) {
        if (text == null || text.isEmpty()) {
            return PADDING;
        }
        Text t = new Text(text.length() > 200 ? text.substring(0, 200) : text);
        t.setFont(FONT);
        return Math.min(MAX, Math.ceil(t.getLayoutBounds().getWidth() * 1.05) + PADDING);
    }
}
