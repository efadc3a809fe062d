package io.eventscope.search;

/** A byte scan that lets a search skip parsing payloads that cannot hold the text it looks for. */
final class Bytes {
    private Bytes() {
    }

    /**
     * False only when {@code json} cannot hold a string equal to {@code needle}: it has no backslash (so no
     * escaped character could spell the text differently) and does not contain the bytes. A JSON string
     * without escapes is its bytes, so this never drops a match.
     */
    static boolean mayHold(byte[] json, byte[] needle) {
        byte first = needle[0];
        int last = json.length - needle.length;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '\\') {
                return true;
            }
            if (b == first && i <= last && matchesAt(json, i, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] json, int at, byte[] needle) {
        for (int j = 1; j < needle.length; j++) {
            if (json[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
