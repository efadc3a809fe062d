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
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int GOLDEN = 0x9E3779B9;

    /** Open addressing: slot holds id + 1, 0 = empty. Replaced whole (never resized in place). */
    private static final class Table {
        final int[] slots;
        final int shift;

        Table(int length) {
            slots = new int[length];
            shift = 32 - Integer.numberOfTrailingZeros(length);
        }

        int start(int hash) {
            return (hash * GOLDEN) >>> shift; // spreads ids that String.hashCode puts side by side
        }
    }

    private volatile Table table = new Table(64);
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
            return id >= 0 ? id : add(new String(buf, offset, length), hash, t);
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
            int slot = (int) SLOT.getAcquire(t.slots, i);
            if (slot == 0) {
                return -1;
            }
            if (matches(values[slot - 1], buf, offset, length)) {
                return slot - 1;
            }
        }
    }

    /** Under the lock: stores the value, then makes it findable. */
    private int add(String value, int hash, Table t) {
        int id = size;
        String[] current = values;
        if (id == current.length) {
            current = Arrays.copyOf(current, id * 2);
        }
        current[id] = value;
        values = current;
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

    private static void place(Table t, int hash, int id) {
        int mask = t.slots.length - 1;
        int i = t.start(hash);
        while (t.slots[i] != 0) {
            i = (i + 1) & mask;
        }
        SLOT.setRelease(t.slots, i, id + 1);
    }

    /** Same as {@link String#hashCode()}, so a rehash can use the hash a String caches. */
    private static int hash(char[] buf, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static boolean matches(String s, char[] buf, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
