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
 * newline) and hashes each into the Merkle tree and the citations' proofs, in order. Rendering the next
 * batch overlaps hashing and writing this one: on two cores the export runs at about the speed of the
 * slower half. Two batch buffers alternate, so memory stays two batches.
 */
final class LineSink implements AutoCloseable {
    private static final int BATCH_BYTES = 1 << 20;

    private final OutputStream out;
    private final MerkleTree.Builder tree;
    private final InclusionProofs proofs;
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

    /** A run of lines in one buffer: line k is bytes[ends[k-1] .. ends[k]) (ends[-1] = 0), without newline. */
    private static final class Batch {
        byte[] bytes = new byte[BATCH_BYTES];
        int[] ends = new int[8192];
        int size;
        int count;
    }

    LineSink(OutputStream out, MerkleTree.Builder tree, InclusionProofs proofs) {
        this.out = out;
        this.tree = tree;
        this.proofs = proofs;
    }

    void add(byte[] line, int length) {
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
                out.write(b.bytes, start, end - start);
                out.write('\n');
                byte[] leaf = MerkleTree.leafHash(sha, b.bytes, start, end - start);
                tree.add(leaf);
                proofs.accept(leaves++, leaf);
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
    @Override
    public void close() {
        try {
            if (filling.count > 0) {
                flip();
            }
            await();
        } finally {
            thread.shutdownNow();
        }
    }
}
