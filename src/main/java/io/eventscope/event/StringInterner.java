package io.eventscope.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Maps repeated strings (types, entity ids, partition names) to small ints so the timeline stores one
 * int per event instead of one string. Lookups take a char slice straight from the JSON parser, so a
 * known value costs no allocation, and they take no lock: two decoder threads can intern at once, and
 * only adding a new value is serialised. Readers on any thread see every id handed out before they read
 * {@link #size()}.
 */
public final class StringInterner {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int GOLDEN = 0x9E3779B9;

    /**
     * Open addressing: a slot holds {@code hash << 32 | id + 1} (0 = empty), so a probe compares hashes
     * without touching the strings. Replaced whole when it grows, never resized in place.
     */
    private static final class Table {
        final long[] slots;
        final int shift;

        Table(int length) {
            slots = new long[length];
            shift = 32 - Integer.numberOfTrailingZeros(length);
        }

        int start(int hash) {
            return (hash * GOLDEN) >>> shift; // spreads ids that String.hashCode puts side by side
        }
    }

    /** The characters of every value back to back, compared on a hit: one memory access, not three. */
    private static final class Pool {
        final char[] chars;
        final int[] start; // by id; the value of id spans start[id] .. start[id + 1]

        Pool(char[] chars, int[] start) {
            this.chars = chars;
            this.start = start;
        }
    }

    private volatile Table table = new Table(64);
    private volatile Pool pool = new Pool(new char[256], new int[17]);
    private volatile String[] values = new String[16];
    private volatile int size;

    /** Returns the id of {@code value}, adding it if new. */
    public int intern(String value) {
        char[] chars = value.toCharArray();
        return intern(chars, 0, chars.length);
    }

    /** Returns the id of the string in {@code buf[offset, offset+length)}, adding it if new. */
    public int intern(char[] buf, int offset, int length) {
        int hash = hash(buf, offset, length);
        int id = lookup(table, hash, buf, offset, length);
        if (id >= 0) {
            return id;
        }
        synchronized (this) {
            Table t = table;
            id = lookup(t, hash, buf, offset, length);
            return id >= 0 ? id : add(buf, offset, length, hash, t);
        }
    }

    /** The id of {@code value}, or -1 when it was never interned. */
    public int find(String value) {
        char[] chars = value.toCharArray();
        return lookup(table, hash(chars, 0, chars.length), chars, 0, chars.length);
    }

    public String get(int id) {
        return values[id];
    }

    public int size() {
        return size;
    }

    private int lookup(Table t, int hash, char[] buf, int offset, int length) {
        int mask = t.slots.length - 1;
        for (int i = t.start(hash); ; i = (i + 1) & mask) {
            long slot = (long) SLOT.getAcquire(t.slots, i);
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash) {
                int id = (int) slot - 1;
                if (matches(pool, id, buf, offset, length)) {
                    return id;
                }
            }
        }
    }

    /** Under the lock: stores the value, then makes it findable. */
    private int add(char[] buf, int offset, int length, int hash, Table t) {
        int id = size;
        String[] current = values;
        if (id == current.length) {
            current = Arrays.copyOf(current, id * 2);
        }
        current[id] = new String(buf, offset, length);
        values = current;
        pool = appended(pool, id, buf, offset, length);
        if ((id + 1) * 2 > t.slots.length) {
            Table grown = new Table(t.slots.length * 2);
            for (int k = 0; k <= id; k++) {
                place(grown, current[k].hashCode(), k);
            }
            table = grown;
        } else {
            place(t, hash, id);
        }
        size = id + 1;
        return id;
    }

    private static Pool appended(Pool p, int id, char[] buf, int offset, int length) {
        char[] chars = p.chars;
        int[] start = p.start;
        int from = start[id];
        if (from + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
        }
        if (id + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        System.arraycopy(buf, offset, chars, from, length);
        start[id + 1] = from + length;
        return chars == p.chars && start == p.start ? p : new Pool(chars, start);
    }

    private static void place(Table t, int hash, int id) {
        int mask = t.slots.length - 1;
        int i = t.start(hash);
        while (t.slots[i] != 0) {
            i = (i + 1) & mask;
        }
        SLOT.setRelease(t.slots, i, ((long) hash << 32) | (id + 1L));
    }

    /** Same as {@link String#hashCode()}, so a rehash can use the hash a String caches. */
    private static int hash(char[] buf, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static boolean matches(Pool p, int id, char[] buf, int offset, int length) {
        int from = p.start[id];
        return p.start[id + 1] - from == length
                && Arrays.equals(p.chars, from, from + length, buf, offset, offset + length);
    }
}
