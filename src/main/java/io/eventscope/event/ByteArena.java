package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps payload bytes once, packed into large chunks, so a million events cost a handful of arrays
 * rather than a million small ones. A reference packs chunk index, offset and length into one long.
 */
final class ByteArena {
    private static final int CHUNK = chunkSize();
    private final List<byte[]> chunks = new ArrayList<>();
    private volatile byte[][] published = new byte[0][];
    private byte[] current;
    private int currentIndex = -1;
    private int fill;
    private volatile long allocated;

    /**
     * One G1 region less an array header. G1 puts arrays of half a region or more straight into whole
     * regions of the old generation ("humongous"): a chunk that fills its region exactly wastes nothing and
     * is never copied by young collections (which otherwise copied every payload byte of a load, about
     * 50 ms of pauses per million events). Regions of 16 MiB and more get chunks of half a region (the
     * reference's offset has 24 bits); without G1, or when the region size cannot be read, just under 1 MiB.
     */
    static int chunkSize() {
        long region = G1Regions.size();
        if (region <= 0) {
            return (1 << 20) - 64;
        }
        return (int) ((region < (1 << 24) ? region : region / 2) - 64);
    }

    /** Copies the bytes in and returns a reference for {@link #get}. Single writer only. */
    long add(byte[] source, int offset, int length) {
        if (current == null || fill + length > current.length) {
            fill = 0;
            currentIndex++;
            if (currentIndex < chunks.size() && chunks.get(currentIndex).length >= length) {
                current = chunks.get(currentIndex); // a chunk kept by reuse()
            } else {
                current = new byte[Math.max(CHUNK, length)];
                if (currentIndex < chunks.size()) {
                    allocated -= chunks.get(currentIndex).length;
                    chunks.set(currentIndex, current);
                } else {
                    chunks.add(current);
                }
                published = chunks.toArray(new byte[0][]);
                allocated += current.length;
            }
        }
        System.arraycopy(source, offset, current, fill, length);
        long ref = ref(currentIndex, fill, length);
        fill += length;
        return ref;
    }

    /**
     * Forgets every payload but keeps the chunks to fill again (a streaming load, once a burst is
     * folded): no reference handed out before stays valid.
     */
    void reuse() {
        current = null;
        currentIndex = -1;
        fill = 0;
    }

    /** Forgets every payload and lets go of the chunks too. */
    void release() {
        reuse();
        chunks.clear();
        published = new byte[0][];
        allocated = 0;
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

    /** Payload bytes stored (the retained chunks less the current one's free end). */
    long usedBytes() {
        return allocated - (current == null ? 0 : current.length - fill);
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
