package io.eventscope.audit.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 Merkle tree hashing (as Certificate Transparency does it): leaf hash SHA-256(0x00 ‖ data),
 * node hash SHA-256(0x01 ‖ left ‖ right), the left subtree of n leaves holding the largest power of two
 * below n. The root is built streaming ({@link Builder}), so a pack of millions of lines never holds them.
 */
public final class MerkleTree {
    private MerkleTree() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static byte[] leafHash(MessageDigest sha, byte[] data, int offset, int length) {
        sha.update((byte) 0);
        sha.update(data, offset, length);
        return sha.digest();
    }

    public static byte[] leafHash(byte[] data) {
        return leafHash(sha256(), data, 0, data.length);
    }

    public static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** Told of each complete subtree as it is hashed: leaves {@code [start, start + 2^level)} (a leaf is level 0). */
    public interface Subtrees {
        void hashed(long start, int level, byte[] hash);
    }

    /** Root of a tree over leaf hashes added in order: complete subtrees are merged as they fill. */
    public static final class Builder {
        private final MessageDigest sha = sha256();
        private final List<byte[]> hashes;
        private final List<Long> sizes;
        private final Subtrees subtrees;
        private long size;

        public Builder() {
            this(null);
        }

        /** A builder that tells {@code subtrees} (may be null) of every complete subtree it hashes. */
        public Builder(Subtrees subtrees) {
            this(new ArrayList<>(), new ArrayList<>(), 0, subtrees);
        }

        private Builder(List<byte[]> hashes, List<Long> sizes, long size, Subtrees subtrees) {
            this.hashes = hashes;
            this.sizes = sizes;
            this.size = size;
            this.subtrees = subtrees;
        }

        public void add(byte[] leafHash) {
            if (subtrees != null) {
                subtrees.hashed(size, 0, leafHash);
            }
            hashes.add(leafHash);
            sizes.add(1L);
            size++;
            int top = hashes.size() - 1;
            while (top > 0 && sizes.get(top).equals(sizes.get(top - 1))) {
                hashes.set(top - 1, nodeHash(sha, hashes.get(top - 1), hashes.remove(top)));
                sizes.set(top - 1, 2 * sizes.remove(top));
                top--;
                if (subtrees != null) {
                    long merged = sizes.get(top);
                    subtrees.hashed(size - merged, Long.numberOfTrailingZeros(merged), hashes.get(top));
                }
            }
        }

        /** The tree as it is now (a few hashes), kept while this one grows on; it tells no one of subtrees. */
        public Builder copy() {
            return new Builder(new ArrayList<>(hashes), new ArrayList<>(sizes), size, null);
        }

        public long size() {
            return size;
        }

        /** The tree hash of the leaves so far; SHA-256 of nothing for an empty tree (RFC 6962 §2.1). */
        public byte[] root() {
            return hashes.isEmpty() ? sha.digest() : suffixRoot(0);
        }

        /**
         * The tree hash of leaves {@code [from, size)}, where {@code from} starts one of the complete subtrees
         * held (true of the start of the last, partial block at any level): the right edge of an inclusion path.
         */
        byte[] suffixRoot(long from) {
            int i = hashes.size() - 1;
            byte[] h = hashes.get(i);
            long start = size - sizes.get(i);
            while (start > from) {
                i--;
                h = nodeHash(sha, hashes.get(i), h);
                start -= sizes.get(i);
            }
            if (start != from) {
                throw new IllegalArgumentException("leaf " + from + " starts no subtree of a tree of " + size);
            }
            return h;
        }
    }

    /** A run of leaves {@code [from, to)} whose subtree hash is one step of an inclusion path. */
    record Range(long from, long to) {
        boolean holds(long leaf) {
            return leaf >= from && leaf < to;
        }
    }

    /** The subtrees whose hashes form leaf {@code m}'s inclusion path in a tree of {@code n} leaves, leaf end first (RFC 6962 §2.1.1). */
    static List<Range> pathRanges(long m, long n) {
        List<Range> out = new ArrayList<>();
        collect(m, 0, n, out);
        return out;
    }

    private static void collect(long m, long from, long to, List<Range> out) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m - from < k) {
            collect(m, from, from + k, out);
            out.add(new Range(from + k, to));
        } else {
            collect(m, from + k, to, out);
            out.add(new Range(from, from + k));
        }
    }

    /** Checks an inclusion proof as RFC 9162 §2.1.3.2 words it (the RFC 6962 tree, 0-based leaf index). */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        MessageDigest sha = sha256();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sha, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }
}
