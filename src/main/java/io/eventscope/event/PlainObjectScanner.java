package io.eventscope.event;

import com.fasterxml.jackson.core.JsonToken;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the fields of a plain JSON object in raw bytes without a parser: one object whose names
 * and string values are printable ASCII without escapes and whose values are strings, numbers, true,
 * false or null, or (when asked, because the mapping reads into them) plain nested objects such as a
 * CloudEvent's {@code data}. That is what nearly every event log line is, and scanning it directly costs
 * a fraction of a general parser. Anything else (arrays, escapes, non-ASCII, any syntax doubt) is declined with
 * {@code false}, and the caller uses Jackson, which also words the error for a bad line; so the scanner
 * only ever accepts input that Jackson reads the same way.
 */
final class PlainObjectScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final int MAX_FIELDS = 64;
    private static final int MAX_NUMBER_LENGTH = 500; // well inside Jackson's limit; longer ones go to Jackson
    private static final int MAX_NAME_LENGTH = 1000;
    private static final int MAX_DEPTH = 16;
    /** The slot a nested object's members are checked in (beyond the fields', so never read). */
    private static final int SCRATCH = MAX_FIELDS;

    final int[] nameStart = new int[MAX_FIELDS];
    final int[] nameEnd = new int[MAX_FIELDS];
    final int[] valueStart = new int[MAX_FIELDS + 1];
    final int[] valueEnd = new int[MAX_FIELDS + 1];
    final JsonToken[] kind = new JsonToken[MAX_FIELDS + 1];
    int fields;
    /** How many of the fields are nested objects (none on a flat line, which the reader then reads as flat). */
    int objects;

    private byte[] b;
    private int end;
    /** Accept plain nested objects as field values (kind START_OBJECT, the span including its braces). */
    private boolean nested;

    void acceptNested(boolean nested) {
        this.nested = nested;
    }

    /**
     * Scans {@code buf[from, to)}; true when it holds exactly one plain object (whitespace around it
     * allowed). Field k's name spans {@code [nameStart[k], nameEnd[k])} and its value
     * {@code [valueStart[k], valueEnd[k])}, quotes excluded for strings.
     */
    boolean scan(byte[] buf, int from, int to) {
        b = buf;
        end = to;
        fields = 0;
        objects = 0;
        int i = skipSpace(from);
        if (i >= to || buf[i] != '{') {
            return false;
        }
        i = skipSpace(i + 1);
        if (i < to && buf[i] == '}') {
            return skipSpace(i + 1) == to;
        }
        while (true) {
            if (fields == MAX_FIELDS || i >= to || buf[i] != '"') {
                return false;
            }
            int f = fields;
            nameStart[f] = i + 1;
            i = stringEnd(i + 1);
            if (i < 0 || i - nameStart[f] > MAX_NAME_LENGTH) {
                return false;
            }
            nameEnd[f] = i;
            i = skipSpace(i + 1);
            if (i >= to || buf[i] != ':') {
                return false;
            }
            // The flat call first, nested objects only on its refusal: this loop stays as small (and as
            // inlined) as before nested objects were accepted, which flat lines pay for otherwise.
            int start = skipSpace(i + 1);
            i = value(f, start);
            if (i < 0 && (!nested || (i = nestedValue(f, start)) < 0)) {
                return false;
            }
            fields++;
            i = skipSpace(i);
            if (i >= to) {
                return false;
            }
            if (buf[i] == '}') {
                return skipSpace(i + 1) == to;
            }
            if (buf[i] != ',') {
                return false;
            }
            i = skipSpace(i + 1);
        }
    }

    /** Reads the value starting at {@code i} into field {@code f}; returns the index after it, or -1. */
    private int value(int f, int i) {
        if (i >= end) {
            return -1;
        }
        byte c = b[i];
        if (c == '"') {
            int close = stringEnd(i + 1);
            return close < 0 ? -1 : set(f, JsonToken.VALUE_STRING, i + 1, close, close + 1);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(f, i);
        }
        if (c == 't') {
            return literal(f, i, "true", JsonToken.VALUE_TRUE);
        }
        if (c == 'f') {
            return literal(f, i, "false", JsonToken.VALUE_FALSE);
        }
        if (c == 'n') {
            return literal(f, i, "null", JsonToken.VALUE_NULL);
        }
        return -1; // nested object or array, or not JSON: Jackson's business
    }

    /** A plain nested object as field {@code f}'s value (kind START_OBJECT, its span with the braces), or -1. */
    private int nestedValue(int f, int i) {
        int close = object(i, 1);
        if (close < 0 || !delimiter(close)) {
            return -1;
        }
        objects++;
        return set(f, JsonToken.START_OBJECT, i, close, close);
    }

    /**
     * Skips a plain nested object starting at {@code b[i] == '{'} (the same rules as the top level, no
     * arrays, at most {@link #MAX_DEPTH} deep); returns the index after its closing brace, or -1.
     */
    private int object(int i, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = skipSpace(i + 1);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int close = stringEnd(i + 1);
            if (close < 0 || close - i - 1 > MAX_NAME_LENGTH) {
                return -1;
            }
            i = skipSpace(close + 1);
            if (i >= end || b[i] != ':') {
                return -1;
            }
            i = skipSpace(i + 1);
            if (i >= end) {
                return -1;
            }
            i = b[i] == '{' ? object(i, depth + 1) : value(SCRATCH, i);
            if (i < 0) {
                return -1;
            }
            i = skipSpace(i);
            if (i >= end) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = skipSpace(i + 1);
        }
    }

    /** Records field {@code f}'s value (a nested member's goes to the unread {@link #SCRATCH} slot). */
    private int set(int f, JsonToken k, int start, int stop, int next) {
        kind[f] = k;
        valueStart[f] = start;
        valueEnd[f] = stop;
        return next;
    }

    /** The closing quote of a string whose content starts at {@code i}, or -1 if not plain ASCII. */
    private int stringEnd(int i) {
        // Eight bytes at a time until one may be special; the byte loop then decides exactly.
        while (i + 8 <= end) {
            long w = (long) LONGS.get(b, i);
            long quote = w ^ QUOTES;
            long escape = w ^ BACKSLASHES;
            long special = ((quote - ONES) & ~quote) | ((escape - ONES) & ~escape) | ((w - SPACES) & ~w) | w;
            special &= HIGH_BITS;
            if (special != 0) {
                i += Long.numberOfTrailingZeros(special) >>> 3;
                break;
            }
            i += 8;
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\') { // control, non-ASCII (negative) or escape
                return -1;
            }
        }
        return -1;
    }

    /** JSON's number grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? then a delimiter. */
    private int number(int f, int start) {
        int i = start;
        if (b[i] == '-') {
            i++;
        }
        if (i >= end) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else {
            int d = digits(i);
            if (d == i) {
                return -1;
            }
            i = d;
        }
        boolean integer = true;
        if (i < end && b[i] == '.') {
            int d = digits(i + 1);
            if (d == i + 1) {
                return -1;
            }
            i = d;
            integer = false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int d = digits(i);
            if (d == i) {
                return -1;
            }
            i = d;
            integer = false;
        }
        if (i - start > MAX_NUMBER_LENGTH || !delimiter(i)) {
            return -1;
        }
        return set(f, integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT, start, i, i);
    }

    private int digits(int i) {
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private int literal(int f, int i, String word, JsonToken k) {
        int n = word.length();
        if (i + n > end) {
            return -1;
        }
        for (int j = 0; j < n; j++) {
            if (b[i + j] != word.charAt(j)) {
                return -1;
            }
        }
        return delimiter(i + n) ? set(f, k, i, i + n, i + n) : -1;
    }

    /** After a number or literal only whitespace, a comma or the closing brace may follow. */
    private boolean delimiter(int i) {
        return i < end && (space(b[i]) || b[i] == ',' || b[i] == '}');
    }

    private int skipSpace(int i) {
        while (i < end && space(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
