package io.eventscope.event;

import java.util.Arrays;

/**
 * Finds events whose own id (the one the projection names) was seen before: a repeat with a byte-identical
 * payload is the same event delivered twice ("duplicate of #N"), one with another payload contradicts the
 * first ("conflicting duplicate of #N"); either is flagged, so it is shown and counted but not applied.
 * Only events otherwise good are checked and remembered: a flagged event was never applied, so a later
 * good one with its id is the first that counts.
 *
 * <p>The timeline's writer checks each event in position order, whichever thread decoded it, so a timeline
 * load and a streaming read flag the same events. Memory grows with the distinct ids (16 bytes a slot,
 * about 21 per id), not with the payloads: a streaming read drops those, so a repeat is told identical by a
 * 32-bit print of the first payload kept beside its position. So that a streaming answer over any
 * number of events still fits the heap, the table stops at {@code limitBytes}: later events are not
 * checked, and the audit says from which position ({@link #uncheckedFrom()}).
 */
final class RepeatedEvents {
    private final IdPositions seen = new IdPositions();
    private final Timeline timeline;
    private final long limitBytes;
    /**
     * Whether a first payload may be dropped before its repeat comes (a streaming writer): then each one's
     * print is kept. Else a repeat is compared with the first payload itself, still held, and no print is
     * taken (hashing every payload was a visible share of a load). Set before the first event.
     */
    private volatile boolean printsKept;
    private int uncheckedFrom;
    /** The loading thread's latest {@link #expect} (the checks may run on a decoding thread). */
    private volatile long expectedIds;
    private long presizedFor;

    RepeatedEvents(Timeline timeline, long limitBytes) {
        this.timeline = timeline;
        this.limitBytes = limitBytes;
    }

    /** For a streaming writer, before its first event: see {@link #printsKept}. */
    void keepPrints() {
        printsKept = true;
    }

    boolean printsKept() {
        return printsKept;
    }

    /** The flag for the good event at {@code position} with id hash {@code idHash} and payload {@code print}, or null. */
    Flag check(long idHash, int print, int position) {
        long expected = expectedIds;
        if (expected != presizedFor) {
            presizedFor = expected;
            // Never presized past the limit: a table starting beyond it would end the checking at the first id.
            seen.expect(Math.min(expected, IdPositions.idsWithin(limitBytes)));
        }
        if (uncheckedFrom == 0 && seen.bytesAfterNextPut() > limitBytes) {
            uncheckedFrom = position;
        }
        if (uncheckedFrom > 0) {
            return null;
        }
        boolean prints = printsKept;
        int slot = prints ? seen.put(idHash, print, position) : seen.putWithoutPrint(idHash, position);
        if (slot < 0) {
            return null;
        }
        int firstPosition = seen.positionAt(slot);
        String first = "#" + DecimalText.grouped(firstPosition);
        boolean same = prints ? seen.printAt(slot) == print : samePayload(firstPosition, position);
        return same
                ? new Flag(FlagKind.DUPLICATE_EVENT, "duplicate of " + first + " (same payload)")
                : new Flag(FlagKind.CONFLICTING_DUPLICATE, "conflicting duplicate of " + first
                        + " (different payload)");
    }

    /** Whether the payloads at two positions, both held, are byte for byte the same. */
    private boolean samePayload(int firstPosition, int position) {
        return Arrays.equals(timeline.payloadAt(firstPosition - 1 - timeline.discarded),
                timeline.payloadAt(position - 1 - timeline.discarded));
    }

    /** The 32-bit print of the payload just decoded into {@code fields} (where it was read: it may not be kept). */
    static int print(DecodedFields fields) {
        return PayloadPrint.of(fields.payload, fields.payloadFrom, fields.payloadTo);
    }

    /** A sentence when events were not checked because the table reached its limit, else null. */
    String caveat() {
        return uncheckedFrom == 0 ? null : "event ids from position " + DecimalText.grouped(uncheckedFrom)
                + " on were not checked for repeats: remembering more ids would take more than a sixth of the "
                + "memory budget";
    }

    /** Flags the event at {@code index} when it is good and its id was seen before (called in position order). */
    void check(Timeline timeline, int index, DecodedFields fields) {
        if (fields.idHash != 0 && fields.flags.isEmpty()) {
            Flag repeat = check(fields.idHash, printsKept ? print(fields) : 0, timeline.discarded + index + 1);
            if (repeat != null) {
                fields.flags.add(repeat);
            }
        }
    }

    /** See {@link IdPositions#warm}: called before checking the ids of {@code idHashes[from, to)} in turn. */
    void warm(long[] idHashes, int from, int to) {
        seen.warm(idHashes, from, to);
    }

    void expect(long events) {
        expectedIds = events;
    }

    /** Read by the loading thread while a decoding thread may be checking: an estimate, at most one growth behind. */
    long bytes() {
        return seen.bytes();
    }
}
