package io.eventscope.event;

import java.util.Arrays;
import java.util.List;

/** The source flags of messages a {@link TimelineWriter} has stored but not yet handed to decoding. */
final class MessageStage {
    /** Staged messages are handed to decoding at the latest when this many are waiting. */
    static final int MAX = 4096;
    @SuppressWarnings("unchecked")
    private final List<Flag>[] flags = new List[MAX];
    private int count;

    /** Stages one more message's flags; true when the stage is full and must be decoded. */
    boolean add(List<Flag> sourceFlags) {
        flags[count++] = sourceFlags;
        return count == MAX;
    }

    int count() {
        return count;
    }

    /** The staged messages, stored from position index {@code first}, as one batch; the stage empties. */
    StoredMessages take(Timeline timeline, int first) {
        StoredMessages batch = new StoredMessages(timeline, first, Arrays.copyOf(flags, count));
        count = 0;
        return batch;
    }
}
