package io.eventscope.event;

import com.fasterxml.jackson.core.JsonToken;

/** How decoding problems are worded in flag reasons (tests and CLI outputs check these words). */
final class FlagWording {
    private FlagWording() {
    }

    /** A JSON value's kind for people ("a JSON array", "null", …). */
    static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a JSON array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }

    /** A value quoted from a payload, cut to 40 characters. */
    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Quotes payload text, but not a kind from {@link #describe}. */
    static String quoteIfText(String s) {
        return s.startsWith("a JSON") || s.startsWith("an ") ? s : "\"" + s + "\"";
    }

    /** The first line of a parser message, without Jackson's location and expectation noise. */
    static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse(message);
        for (String noise : new String[] {": was expecting", " (start marker", " at [Source"}) {
            int cut = first.indexOf(noise);
            if (cut > 0) {
                first = first.substring(0, cut);
            }
        }
        return first.length() <= 120 ? first : first.substring(0, 117) + "...";
    }
}
