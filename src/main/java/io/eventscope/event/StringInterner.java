package io.eventscope.event;

import java.util.Arrays;

/**
 * Maps repeated strings (types, entity ids, partition names) to small ints so the timeline stores one
 * int per event instead of one string. Lookups can take a char slice straight from the JSON parser, so
 * a known value costs no allocation. One writer; readers on other threads see every id that was handed
 * out before they read {@link #size()}.
 */
public final class StringInterner {
    private int[] slots = new int[64]; // open addressing: id + 1, 0 = empty
    private int shift = 32 - 6; // Fibonacci hashing: the top log2(slots) bits of hash * golden ratio
    private volatile String[] values = new String[16];
    private String[] writerValues = values; // the writer's own view: no volatile read on lookups
    private char[][] chars = new char[16][]; // the writer compares against these on lookups
    private volatile int size;

    /** Returns the id of {@code value}, adding it if new. Single writer only. */
    public int intern(String value) {
        char[] chars = value.toCharArray();
        return intern(chars, 0, chars.length);
    }

    /** Returns the id of the string in {@code buf[offset, offset+length)}, adding it if new. */
    public int intern(char[] buf, int offset, int length) {
        int mask = slots.length - 1;
        for (int i = index(hash(buf, offset, length)); ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return add(new String(buf, offset, length), i);
            }
            if (matches(chars[slot - 1], buf, offset, length)) {
                return slot - 1;
            }
        }
    }

    /** The id of {@code value}, or -1 when it was never interned. Writer thread only. */
    public int find(String value) {
        char[] chars = value.toCharArray();
        int mask = slots.length - 1;
        for (int i = index(hash(chars, 0, chars.length)); ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (writerValues[slot - 1].equals(value)) {
                return slot - 1;
            }
        }
    }

    public String get(int id) {
        return values[id];
    }

    public int size() {
        return size;
    }

    private int add(String value, int slot) {
        int id = size;
        String[] current = values;
        if (id == current.length) {
            current = Arrays.copyOf(current, id * 2);
        }
        current[id] = value;
        if (id == chars.length) {
            chars = Arrays.copyOf(chars, id * 2);
        }
        chars[id] = value.toCharArray();
        writerValues = current;
        values = current;
        slots[slot] = id + 1;
        size = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] next = new int[slots.length * 2];
        shift--;
        int mask = next.length - 1;
        String[] v = writerValues;
        for (int id = 0; id < size; id++) {
            String s = v[id];
            int i = index(s.hashCode());
            while (next[i] != 0) {
                i = (i + 1) & mask;
            }
            next[i] = id + 1;
        }
        slots = next;
    }

    /** Same as {@link String#hashCode()}, so rehashing can use the hash a String caches. */
    private static int hash(char[] buf, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    /** Spreads ids that String.hashCode puts side by side ("ACC-00001", "ACC-00002") over the table. */
    private int index(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private static boolean matches(char[] s, char[] buf, int offset, int length) {
        return Arrays.equals(s, 0, s.length, buf, offset, offset + length);
    }
}
