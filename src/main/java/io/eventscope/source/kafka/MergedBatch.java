package io.eventscope.source.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records already in timeline order, each with its partition index, merged on the fetch thread. */
final class MergedBatch {
    private final ConsumerRecord<byte[], byte[]>[] records;
    private final int[] partitions;
    private int size;

    @SuppressWarnings("unchecked")
    MergedBatch(int capacity) {
        this.records = new ConsumerRecord[capacity];
        this.partitions = new int[capacity];
    }

    /** Adds one record; returns the new size. */
    int add(ConsumerRecord<byte[], byte[]> r, int partition) {
        records[size] = r;
        partitions[size] = partition;
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
}
