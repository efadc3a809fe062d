package io.eventscope.source.jetstream;

import io.eventscope.source.SourceException;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;

/**
 * Publishes the lines of a JSON Lines file as JetStream messages, one message per line (blank and
 * malformed lines too, so a reader finds the same positions as in the file), round-robin over subjects,
 * waiting for the broker's acknowledgement of each (with a window of outstanding publishes for speed).
 * Used only by the {@code produce} command: the one place that writes to a broker.
 */
public final class StreamPublisher {
    private static final int IN_FLIGHT = 2_000;

    private final Connection connection;
    private final NatsEndpoint endpoint;

    public StreamPublisher(Connection connection, NatsEndpoint endpoint) {
        this.connection = connection;
        this.endpoint = endpoint;
    }

    /**
     * @param subjects message n (0-based) goes to {@code subjects[n % size]}
     * @param headers  headers for message n, or null for none
     * @return the number of messages published
     */
    public long publish(InputStream lines, List<String> subjects, LongFunction<Headers> headers)
            throws SourceException {
        ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>();
        long n = 0;
        try {
            JetStream js = connection.jetStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buf = new byte[1 << 16];
            int read;
            boolean pending = false;
            while ((read = lines.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i - start);
                        send(js, subjects, headers, n++, line, inFlight);
                        start = i + 1;
                        pending = false;
                    }
                }
                line.write(buf, start, read - start);
                pending = line.size() > 0;
            }
            if (pending) {
                send(js, subjects, headers, n++, line, inFlight);
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().get();
            }
            return n;
        } catch (IOException e) {
            throw new SourceException("Publishing to " + endpoint.hostPort() + " failed after " + n + " messages ("
                    + e.getMessage() + ").", e);
        } catch (ExecutionException e) {
            throw new SourceException("The broker at " + endpoint.hostPort() + " did not store message " + n
                    + " (" + e.getCause().getMessage() + "); check the stream's limits and this user's permissions.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("Publishing was interrupted after " + n + " messages.");
        }
    }

    private static void send(JetStream js, List<String> subjects, LongFunction<Headers> headers, long n,
                             ByteArrayOutputStream line, ArrayDeque<CompletableFuture<PublishAck>> inFlight)
            throws ExecutionException, InterruptedException {
        byte[] data = line.toByteArray();
        int len = data.length > 0 && data[data.length - 1] == '\r' ? data.length - 1 : data.length;
        if (len != data.length) {
            data = java.util.Arrays.copyOf(data, len);
        }
        line.reset();
        String subject = subjects.get((int) (n % subjects.size()));
        Headers h = headers == null ? null : headers.apply(n);
        inFlight.add(js.publishAsync(subject, h, data));
        if (inFlight.size() >= IN_FLIGHT) {
            inFlight.poll().get();
        }
    }
}
