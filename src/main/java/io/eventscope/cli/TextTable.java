package io.eventscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntPredicate;

/** Prints rows as aligned columns; numeric columns right-aligned; cells escaped by {@link TerminalText}. */
final class TextTable {
    private TextTable() {
    }

    static void print(PrintWriter out, List<String> header, List<List<String>> cells, IntPredicate rightAligned) {
        // A line break or tab in a cell would fake a row or shift the columns.
        List<List<String>> rows = cells.stream().map(r -> r.stream().map(TerminalText::escape).toList()).toList();
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        line(out, header, width, rightAligned);
        for (List<String> row : rows) {
            line(out, row, width, rightAligned);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, IntPredicate right) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(c == 0 ? "" : "  ").append(right.test(c) ? pad + cell : cell + pad);
        }
        out.println(sb.toString().stripTrailing());
    }
}
