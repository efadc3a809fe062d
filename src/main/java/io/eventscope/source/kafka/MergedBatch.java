package io.eventscope.source.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Records already in timeline order, each with its partition index and its key as header text, made on the
 * fetch thread so that the loading thread only decodes and appends.
 */
final class MergedBatch {
    private final ConsumerRecord<byte[], byte[]>[] records;
    private final int[] partitions;
    private final String[] keys;
    private int size;

    @SuppressWarnings("unchecked")
    MergedBatch(int capacity) {
        this.records = new ConsumerRecord[capacity];
        this.partitions = new int[capacity];
        this.keys = new String[capacity];
    }

    /** Adds one record; returns the new size. */
    int add(ConsumerRecord<byte[], byte[]> r, int partition) {
        records[size] = r;
        partitions[size] = partition;
        keys[size] = keyText(r);
        return ++size;
    }

    int size() {
        return size;
    }

    ConsumerRecord<byte[], byte[]> record(int k) {
        return records[k];
    }

    int partition(int k) {
        return partitions[k];
    }

    String key(int k) {
        return keys[k];
    }

    /** The record key as header text (UTF-8, control characters escaped), or null when it has none. */
    static String keyText(ConsumerRecord<byte[], byte[]> r) {
        byte[] key = r.key();
        return key == null ? null : RecordAppender.printable(new String(key, StandardCharsets.UTF_8));
    }
}
