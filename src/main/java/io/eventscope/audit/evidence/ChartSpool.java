package io.eventscope.audit.evidence;

import io.eventscope.replay.ReplayState;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's points (entity, position, primary field after it) spooled to a temporary file as events.jsonl
 * is written: which entities the chart shows (the busiest at the cut) is known only once the read is over,
 * and a time cut's end too. Memory is an id per entity; the file is a few bytes per applied event, read back
 * once into {@link BusiestSeries} and deleted. Records are written through one buffer, not a stream per
 * field, as this runs once per event.
 */
final class ChartSpool implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> entities = new ArrayList<>();

    /** A spool in a new hidden file of {@code dir} (the pack's folder: the disk the user chose for the pack). */
    ChartSpool(Path dir) throws IOException {
        this.file = Files.createTempFile(dir, ".chart-", ".tmp");
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Records that {@code entity}'s primary field became {@code value} at {@code position} (positions ascending). */
    void record(String entity, int position, BigDecimal value) throws IOException {
        Integer id = ids.get(entity);
        if (id == null) {
            id = entities.size();
            ids.put(entity, id);
            entities.add(entity);
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        if (buffer.remaining() < 16 + unscaled.length) {
            drain();
            if (buffer.capacity() < 16 + unscaled.length) {
                write(ByteBuffer.allocate(16 + unscaled.length), id, position, value.scale(), unscaled);
                return;
            }
        }
        write(buffer, id, position, value.scale(), unscaled);
    }

    private void write(ByteBuffer to, int id, int position, int scale, byte[] unscaled) throws IOException {
        to.putInt(id).putInt(position).putInt(scale).putInt(unscaled.length).put(unscaled);
        if (to != buffer) {
            to.flip();
            while (to.hasRemaining()) {
                channel.write(to);
            }
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The chart of the busiest entities at {@code state}, positions 1..{@code cut}, from the points spooled. */
    BusiestSeries series(ReplayState state, int cut) throws IOException {
        drain();
        BusiestSeries chart = new BusiestSeries(state, cut);
        channel.position(0);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        in.limit(0);
        while (true) {
            if (!fill(in, 16)) {
                return chart;
            }
            String entity = entities.get(in.getInt());
            int position = in.getInt();
            int scale = in.getInt();
            byte[] unscaled = new byte[in.getInt()];
            if (position > cut) {
                return chart; // a time cut's later positions
            }
            if (unscaled.length > in.capacity()) {
                in = ByteBuffer.allocate(unscaled.length).put(in).flip();
            }
            fill(in, unscaled.length);
            in.get(unscaled);
            if (chart.tracks(entity)) {
                chart.record(entity, position, new BigDecimal(new BigInteger(unscaled), scale));
            }
        }
    }

    /** Makes {@code n} bytes readable in {@code in}; false at the end of the file. */
    private boolean fill(ByteBuffer in, int n) throws IOException {
        if (in.remaining() >= n) {
            return true;
        }
        in.compact();
        while (in.position() < n) {
            if (channel.read(in) < 0) {
                in.flip();
                return false;
            }
        }
        in.flip();
        return true;
    }

    /** Closes and deletes the spool (also when the export failed). */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
