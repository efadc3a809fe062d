package io.eventscope.source.jetstream;

import io.nats.client.Message;

/**
 * Reads stream sequence, broker time and pending count straight from a JetStream message's reply
 * subject ({@code $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<nanos>.<pending>}, or the
 * 12-token form with domain and account hash). jnats' own metadata parse splits with a regex and
 * builds a ZonedDateTime per message, which dominated station loads; this scans the string once.
 * Anything unexpected falls back to jnats' parse.
 */
final class AckReply {
    private AckReply() {
    }

    static long streamSequence(Message m) {
        long v = field(m.getReplyTo(), 0);
        return v >= 0 ? v : m.metaData().streamSequence();
    }

    /** Broker time in epoch nanos, or -1 when the subject could not be read. */
    static long timestampNanos(Message m) {
        return field(m.getReplyTo(), 2);
    }

    static long pending(Message m) {
        long v = field(m.getReplyTo(), 3);
        return v >= 0 ? v : m.metaData().pendingCount();
    }

    /**
     * Field {@code k} after the delivered count: 0 = stream sequence, 1 = consumer sequence,
     * 2 = timestamp, 3 = pending. Returns -1 when the subject has an unknown shape.
     */
    static long field(String reply, int k) {
        if (reply == null || !reply.startsWith("$JS.ACK.")) {
            return -1;
        }
        int dots = 0;
        for (int i = 0; i < reply.length(); i++) {
            if (reply.charAt(i) == '.') {
                dots++;
            }
        }
        int tokens = dots + 1;
        int first; // token index of the stream sequence
        if (tokens == 9) {
            first = 5;
        } else if (tokens == 11 || tokens == 12) {
            first = 7;
        } else {
            return -1;
        }
        int wanted = first + k;
        int token = 0;
        int start = 0;
        for (int i = 0; i <= reply.length(); i++) {
            if (i == reply.length() || reply.charAt(i) == '.') {
                if (token == wanted) {
                    return parse(reply, start, i);
                }
                token++;
                start = i + 1;
            }
        }
        return -1;
    }

    private static long parse(String s, int from, int to) {
        if (from >= to || to - from > 19) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
