package io.eventscope.event;

import java.util.Arrays;
import java.util.List;

/**
 * The only code that writes a {@link Timeline}'s columns, for its {@link TimelineWriter}: the payload
 * and source coordinates of each message, then what the decoder read from it, its flags, and the
 * growth and trimming of the columns. During a two-thread
 * decode each thread writes the positions of its own chunks, so nothing here may hold per-event state.
 */
final class ColumnWriter {
    private final Timeline timeline;
    /** Interned on first use, as before caching it, so entity ids keep their order. */
    private int defaultEntityId = -1;
    /** False for a streaming read whose readers read no payload: file lines are decoded where read, not copied. */
    boolean keepLines = true;

    ColumnWriter(Timeline timeline) {
        this.timeline = timeline;
    }

    /** For line sources: the file line number of index 0. */
    void lineBase(long line) {
        timeline.lineBase = line;
    }

    /** Stores one file line of a batch at {@code i}: its payload, no coordinates beyond the line, no flag. */
    void storeLine(int i, byte[] buf, int offset, int length) {
        Timeline t = timeline;
        ensureRoom(i);
        t.payloadRef[i] = keepLines ? t.payloads.add(buf, offset, length) : Timeline.NOT_KEPT;
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
        ensureRoom(i);
        long ref = t.payloads.add(buf, offset, length);
        if (t.sequence != null) {
            t.sequence[i] = sequence;
        }
        if (partition != null) {
            if (t.partition == null) {
                t.partition = new int[t.capacity];
                Arrays.fill(t.partition, -1);
            }
            t.partition[i] = t.partitions.intern(partition);
        } else if (t.partition != null) {
            t.partition[i] = -1;
        }
        if (brokerTime != EventTimes.NONE && t.brokerTime == null) {
            t.brokerTime = grow(new long[0], t.capacity, EventTimes.NONE);
        }
        if (t.brokerTime != null) {
            t.brokerTime[i] = brokerTime;
        }
        if (!headers.isEmpty()) {
            if (t.headerRef == null) {
                t.headerRef = grow(new long[0], t.capacity, Long.MIN_VALUE);
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
        // A flagged event without a time of its own takes the time of the event before it, from a file and
        // from a broker alike, so that both count it at the same instant; only a good event may stand on its
        // broker time (a source whose events carry no time field).
        long broker = f.flags.isEmpty() ? t.brokerTimeAt(i) : EventTimes.NONE;
        t.effectiveTime[i] = eventTime != EventTimes.NONE ? eventTime
                : broker != EventTimes.NONE ? broker
                : i > 0 ? t.effectiveTime[i - 1] : t.timeBeforeFirst;
        for (int n = 0; n < f.numbers.length; n++) {
            f.numbers[n].storeInto(t.numbers[n], i);
        }
        int[][] texts = t.texts;
        for (int x = 0; x < texts.length; x++) {
            texts[x][i] = f.textIds[x];
        }
    }

    /**
     * Gives the leading events of {@code [from, to)} that took the time of the event before them (which
     * another thread may not have decoded when they were written) that time: by {@link #write}'s rule, those
     * without an event time, unless they are good and stand on their broker time. Call once their flags are set.
     */
    void carryTime(int from, int to) {
        Timeline t = timeline;
        for (int i = from; i < to && i > 0; i++) {
            if (t.hasEventTime(i) || (!t.isFlagged(i) && t.brokerTimeAt(i) != EventTimes.NONE)) {
                break;
            }
            t.effectiveTime[i] = t.effectiveTime[i - 1];
        }
    }

    /** Makes room for index {@code i}, growing every column by half when full. */
    void ensureRoom(int i) {
        if (i >= timeline.capacity) {
            resize(timeline.capacity + (timeline.capacity >> 1) + 1);
        }
    }

    /** Makes room for {@code events} positions at once (a load that knows its size skips the growth copies). */
    void reserve(int events) {
        if (events > timeline.capacity) {
            resize(events);
        }
    }

    /**
     * Gives back the room that growth or a size estimate left unused once a load is done. Even a few
     * percent count: G1 keeps each large column in whole regions, so a column slightly over a region
     * boundary holds a whole extra region (measured: 11 bytes per event at a million events).
     */
    void trimToSize() {
        int n = Math.max(timeline.size(), 16);
        if (n < timeline.capacity) {
            resize(n);
        }
    }

    /** Replaces every column by a copy of {@code n} cells (readers keep the arrays they hold). */
    private void resize(int n) {
        Timeline t = timeline;
        t.effectiveTime = Arrays.copyOf(t.effectiveTime, n);
        t.eventTimeBits = Arrays.copyOf(t.eventTimeBits, n / 64 + 1);
        t.flaggedBits = Arrays.copyOf(t.flaggedBits, n / 64 + 1);
        t.type = Arrays.copyOf(t.type, n);
        t.entity = Arrays.copyOf(t.entity, n);
        t.payloadRef = Arrays.copyOf(t.payloadRef, n);
        if (t.brokerTime != null) {
            t.brokerTime = Arrays.copyOf(t.brokerTime, n);
        }
        if (t.headerRef != null) {
            t.headerRef = grow(t.headerRef, n, Long.MIN_VALUE);
        }
        if (t.sequence != null) {
            t.sequence = Arrays.copyOf(t.sequence, n);
        }
        if (t.partition != null) {
            t.partition = Arrays.copyOf(t.partition, n);
        }
        for (DecimalColumn c : t.numbers) {
            c.resize(n);
        }
        int[][] grownTexts = new int[t.texts.length][];
        for (int f = 0; f < grownTexts.length; f++) {
            grownTexts[f] = Arrays.copyOf(t.texts[f], n);
        }
        t.texts = grownTexts;
        t.capacity = n;
    }

    private static long[] grow(long[] a, int n, long fill) {
        int old = a.length;
        long[] b = Arrays.copyOf(a, n);
        if (n > old) {
            Arrays.fill(b, old, n, fill);
        }
        return b;
    }

    /**
     * Drops the {@code held} positions (a streaming load folded them): the columns keep their room and
     * the interned names, positions and line numbers go on from where they were, and a first event
     * without a time takes the last dropped one's time, as it would have in one long timeline.
     */
    void dropHeld(int held) {
        Timeline t = timeline;
        if (held == 0) {
            return;
        }
        t.timeBeforeFirst = t.effectiveTime[held - 1];
        t.lineBase += held;
        t.flags.clear();
        t.payloads.reuse();
        t.discarded = t.discarded + held;
        t.publish(0);
    }

    /**
     * After the last {@link #dropHeld} of a held window: index 0 is the window's first position, its
     * flags alone count, and the room the streamed bursts took is given back (the budget counts it).
     */
    void rebase() {
        timeline.discarded = 0;
        timeline.flaggedCount = 0;
        timeline.payloads.release();
        trimToSize();
    }

    /** Records why the event at {@code index} is flagged (a copy of {@code reasons}). */
    void flag(int index, List<Flag> reasons) {
        Timeline t = timeline;
        t.flaggedBits[index >>> 6] |= 1L << index;
        t.flags.put(index, List.copyOf(reasons));
        t.flaggedCount = t.flaggedCount + 1;
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
