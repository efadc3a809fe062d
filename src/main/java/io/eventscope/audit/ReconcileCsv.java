package io.eventscope.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of a reconcile CSV (RFC 4180: commas, double-quoted cells, "" inside quotes, CRLF or LF). */
final class ReconcileCsv {
    private final BufferedReader in;
    private final String name;
    private int line;

    ReconcileCsv(BufferedReader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The line the last row started on (1-based). */
    int line() {
        return line;
    }

    /** The next row's cells, or null at the end; blank lines are skipped. */
    List<String> next() throws IOException {
        String text = in.readLine();
        line++;
        while (text != null && text.isBlank()) {
            text = in.readLine();
            line++;
        }
        if (text == null) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                line++;
                if (more == null) {
                    throw new IllegalArgumentException(name + " line " + start + ": a quoted cell is never closed.");
                }
                cell.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        line = start;
        return cells;
    }
}
