package io.eventscope.audit.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Takes the rendered lines of events.jsonl in batches and, on a second thread, writes them (each with its
 * newline) and hashes each into the Merkle tree (which tells the citations' proofs of its subtrees), in
 * order. Rendering the next batch overlaps hashing and writing this one: on two cores the export runs at
 * about the speed of the slower half. Two batch buffers alternate, so memory stays two batches.
 *
 * <p>Each line says whether the cut takes it in. A time cut is known only at the end of the read (a later
 * event may be early enough again), so lines past it are written and hashed too, and the sink remembers the
 * tree and the file length after the last line the cut took in: the pack is cut back to those at the end.
 */
final class LineSink implements AutoCloseable {
    private static final int BATCH_BYTES = 1 << 20;

    private final OutputStream out;
    private final MerkleTree.Builder tree;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evidence-hash");
        t.setDaemon(true);
        return t;
    });
    private final MessageDigest sha = MerkleTree.sha256();
    private Batch filling = new Batch();
    private Batch spare = new Batch();
    private Future<?> pending;
    private long leaves;
    private long bytes;
    /** The tree at the cut while lines past it are hashed (null while the last line is within the cut). */
    private MerkleTree.Builder treeAtCut;
    private long leavesAtCut;
    private long bytesAtCut;

    /** A run of lines in one buffer: line k is bytes[ends[k-1] .. ends[k]) (ends[-1] = 0), without newline. */
    private static final class Batch {
        byte[] bytes = new byte[BATCH_BYTES];
        int[] ends = new int[8192];
        boolean[] inCut = new boolean[8192];
        int size;
        int count;
    }

    LineSink(OutputStream out, MerkleTree.Builder tree) {
        this.out = out;
        this.tree = tree;
    }

    /** @param inCut whether the cut takes this line in (every line but some of a time cut's) */
    void add(byte[] line, int length, boolean inCut) {
        Batch b = filling;
        if (b.count > 0 && (b.size + length > b.bytes.length || b.count == b.ends.length)) {
            flip();
            b = filling;
        }
        if (length > b.bytes.length) {
            b.bytes = new byte[length];
        }
        System.arraycopy(line, 0, b.bytes, b.size, length);
        b.size += length;
        b.inCut[b.count] = inCut;
        b.ends[b.count++] = b.size;
    }

    /** Hands the filled batch to the hashing thread (after the previous one is done) and fills the spare. */
    private void flip() {
        await();
        Batch full = filling;
        filling = spare;
        filling.size = 0;
        filling.count = 0;
        spare = full;
        pending = thread.submit(() -> drain(full));
    }

    private void drain(Batch b) {
        try {
            int start = 0;
            for (int k = 0; k < b.count; k++) {
                int end = b.ends[k];
                if (!b.inCut[k] && treeAtCut == null) {
                    treeAtCut = tree.copy(); // the first line past the cut (so far): keep the tree as it is
                }
                out.write(b.bytes, start, end - start);
                out.write('\n');
                tree.add(MerkleTree.leafHash(sha, b.bytes, start, end - start));
                leaves++;
                bytes += end - start + 1;
                if (b.inCut[k]) {
                    treeAtCut = null;
                    leavesAtCut = leaves;
                    bytesAtCut = bytes;
                }
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the export was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Writes and hashes what is left and stops the thread; the tree and proofs are then complete. */
    void finish() {
        try {
            if (filling.count > 0) {
                flip();
            }
            await();
        } finally {
            thread.shutdownNow();
        }
    }

    /** Stops the thread, whatever it was doing (a read that failed leaves nothing to finish), and waits for it. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After {@link #finish()}: the tree of the lines up to the cut (the growing tree when the last line is in). */
    MerkleTree.Builder treeAtCut() {
        return treeAtCut == null ? tree : treeAtCut;
    }

    /** After {@link #finish()}: how many lines the cut takes in. */
    long linesAtCut() {
        return leavesAtCut;
    }

    /** After {@link #finish()}: the length of events.jsonl up to the cut; the lines written past it are cut off. */
    long bytesAtCut() {
        return bytesAtCut;
    }
}
