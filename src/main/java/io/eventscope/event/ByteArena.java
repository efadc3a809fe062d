package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps payload bytes once, packed into large chunks, so a million events cost a handful of arrays
 * rather than a million small ones. A reference packs chunk index, offset and length into one long.
 */
final class ByteArena {
    // Just under 1 MiB: G1 stores larger arrays as "humongous" objects in whole regions, and a chunk
    // one header too big for its regions would waste almost half of them.
    private static final int CHUNK = (1 << 20) - 64;
    private final List<byte[]> chunks = new ArrayList<>();
    private volatile byte[][] published = new byte[0][];
    private byte[] current;
    private int fill;
    private volatile long allocated;

    /** Copies the bytes in and returns a reference for {@link #get}. Single writer only. */
    long add(byte[] source, int offset, int length) {
        if (current == null || fill + length > current.length) {
            current = new byte[Math.max(CHUNK, length)];
            fill = 0;
            chunks.add(current);
            published = chunks.toArray(new byte[0][]);
            allocated += current.length;
        }
        System.arraycopy(source, offset, current, fill, length);
        long ref = ref(chunks.size() - 1, fill, length);
        fill += length;
        return ref;
    }

    byte[] get(long ref) {
        byte[] out = new byte[length(ref)];
        System.arraycopy(published[chunk(ref)], offset(ref), out, 0, out.length);
        return out;
    }

    /** The chunk that holds {@code ref}, for parsing in place without copying. */
    byte[] chunkOf(long ref) {
        return published[chunk(ref)];
    }

    long retainedBytes() {
        return allocated;
    }

    /** Bytes the arena will hold after {@code more} bytes are added (whole chunks are counted). */
    long retainedAfter(long more) {
        long free = current == null ? 0 : current.length - fill;
        if (more <= free) {
            return allocated;
        }
        long needed = more - free;
        return allocated + Math.max(needed, ((needed + CHUNK - 1) / CHUNK) * CHUNK);
    }

    // Layout: chunk 16 bits | offset 24 bits | length 24 bits. A payload of 16 MiB or more gets a chunk
    // of its own at offset 0, and its length is read from the chunk.
    static long ref(int chunk, int offset, int length) {
        if (length >= (1 << 24)) {
            return ((long) chunk << 48) | 0xFFFFFFL; // sentinel: whole chunk
        }
        return ((long) chunk << 48) | ((long) offset << 24) | length;
    }

    static int chunk(long ref) {
        return (int) (ref >>> 48);
    }

    static int offset(long ref) {
        return (int) ((ref >>> 24) & 0xFFFFFF);
    }

    int length(long ref) {
        int len = (int) (ref & 0xFFFFFF);
        return len == 0xFFFFFF ? published[chunk(ref)].length : len;
    }
}
