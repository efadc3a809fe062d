package io.eventscope.source.jetstream;

import io.nats.client.Message;

/** Keeps only the last N merged messages (for {@code --last N} on a partitioned station), then appends them. */
final class LastEvents {
    private final Message[] messages;
    private final int[] streams;
    private long count;

    LastEvents(int n) {
        messages = new Message[n];
        streams = new int[n];
    }

    void add(Message m, int stream) {
        int slot = (int) (count % messages.length);
        messages[slot] = m;
        streams[slot] = stream;
        count++;
    }

    void flushTo(TimelineAppender appender) {
        long kept = Math.min(count, messages.length);
        for (long i = count - kept; i < count; i++) {
            int slot = (int) (i % messages.length);
            appender.append(messages[slot], streams[slot]);
            messages[slot] = null;
        }
    }
}
