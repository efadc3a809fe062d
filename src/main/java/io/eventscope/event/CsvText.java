package io.eventscope.event;

/** One CSV cell as RFC 4180 writes it: quoted (with "" for ") when it holds a comma, quote or line break. */
public final class CsvText {
    private CsvText() {
    }

    public static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
