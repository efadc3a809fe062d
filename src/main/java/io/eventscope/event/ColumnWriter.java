package io.eventscope.event;

import java.util.Arrays;

/**
 * The only code that writes a {@link Timeline}'s columns, for its {@link TimelineWriter}: the payload
 * and source coordinates of each message, then what the decoder read from it. During a two-thread
 * decode each thread writes the positions of its own chunks, so nothing here may hold per-event state.
 */
final class ColumnWriter {
    private final Timeline timeline;
    /** Interned on first use, as before caching it, so entity ids keep their order. */
    private int defaultEntityId = -1;

    ColumnWriter(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Stores one file line of a batch at {@code i}: its payload, no coordinates beyond the line, no flag. */
    void storeLine(int i, byte[] buf, int offset, int length) {
        Timeline t = timeline;
        t.ensureRoom(i);
        t.payloadRef[i] = t.payloads.add(buf, offset, length);
        if (t.sequence != null) {
            t.sequence[i] = 0;
        }
        if (t.partition != null) {
            t.partition[i] = -1;
        }
        if (t.brokerTime != null) {
            t.brokerTime[i] = EventTimes.NONE;
        }
        if (t.headerRef != null) {
            t.headerRef[i] = Long.MIN_VALUE;
        }
        clearFlagged(i);
    }

    /**
     * Stores one message at {@code i}: its payload, then its headers, in the payload arena, and its
     * coordinates. Returns the payload's arena reference (the decoder reads the payload from there).
     */
    long storeMessage(int i, byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                      HeaderBlock headers) {
        Timeline t = timeline;
        t.ensureRoom(i);
        long ref = t.payloads.add(buf, offset, length);
        if (t.sequence != null) {
            t.sequence[i] = sequence;
        }
        if (partition != null) {
            if (t.partition == null) {
                t.partition = new int[t.capacity()];
                Arrays.fill(t.partition, -1);
            }
            t.partition[i] = t.partitions.intern(partition);
        } else if (t.partition != null) {
            t.partition[i] = -1;
        }
        if (brokerTime != EventTimes.NONE && t.brokerTime == null) {
            t.brokerTime = Timeline.grow(new long[0], t.capacity(), EventTimes.NONE);
        }
        if (t.brokerTime != null) {
            t.brokerTime[i] = brokerTime;
        }
        if (!headers.isEmpty()) {
            if (t.headerRef == null) {
                t.headerRef = Timeline.grow(new long[0], t.capacity(), Long.MIN_VALUE);
            }
            t.headerRef[i] = t.payloads.add(headers.bytes(), 0, headers.length());
        } else if (t.headerRef != null) {
            t.headerRef[i] = Long.MIN_VALUE;
        }
        t.payloadRef[i] = ref;
        return ref;
    }

    void clearFlagged(int i) {
        timeline.flaggedBits[i >>> 6] &= ~(1L << i);
    }

    /**
     * Writes what was decoded for index {@code i}: type, entity, event and effective time, numbers and
     * texts. Flags are not written here: a two-thread decode marks them when it publishes.
     */
    void write(int i, DecodedFields f) {
        Timeline t = timeline;
        t.entity[i] = f.entityId >= 0 ? f.entityId : defaultEntityId();
        t.type[i] = f.typeId;
        long eventTime = f.eventTime;
        t.eventTimeBits[i >>> 6] &= ~(1L << i);
        if (eventTime != EventTimes.NONE) {
            t.eventTimeBits[i >>> 6] |= 1L << i;
        }
        long broker = t.brokerTimeAt(i);
        t.effectiveTime[i] = eventTime != EventTimes.NONE ? eventTime
                : broker != EventTimes.NONE ? broker
                : i > 0 ? t.effectiveTime[i - 1] : EventTimes.NONE;
        for (int n = 0; n < f.numbers.length; n++) {
            f.numbers[n].storeInto(t.numbers[n], i);
        }
        int[][] texts = t.texts;
        for (int x = 0; x < texts.length; x++) {
            texts[x][i] = f.textIds[x];
        }
    }

    /**
     * Gives the leading events of {@code [from, to)} that have no time of their own the time of the
     * event before them (which another thread may not have decoded when they were written).
     */
    void carryTime(int from, int to) {
        Timeline t = timeline;
        for (int i = from; i < to && i > 0; i++) {
            if (t.hasEventTime(i) || t.brokerTimeAt(i) != EventTimes.NONE) {
                break;
            }
            t.effectiveTime[i] = t.effectiveTime[i - 1];
        }
    }

    private int defaultEntityId() {
        int id = defaultEntityId;
        if (id < 0) {
            id = timeline.entities.intern(timeline.defaultEntity());
            defaultEntityId = id; // both decoding threads may get here; they get the same id
        }
        return id;
    }
}
