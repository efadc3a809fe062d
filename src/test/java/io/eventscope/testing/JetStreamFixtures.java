package io.eventscope.testing;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Raw jnats helpers for tests: an admin connection, stream creation and publishing, independent of
 * Eventscope's own producer code path.
 */
public final class JetStreamFixtures implements AutoCloseable {
    private final Connection connection;

    public JetStreamFixtures(String url) {
        this(url, null, null);
    }

    public JetStreamFixtures(String url, String user, String password) {
        this(url, user, password, null, null);
    }

    public static JetStreamFixtures withToken(String url, String token) {
        return new JetStreamFixtures(url, null, null, token, null);
    }

    public static JetStreamFixtures withTls(String url, javax.net.ssl.SSLContext ssl) {
        return new JetStreamFixtures(url, null, null, null, ssl);
    }

    private JetStreamFixtures(String url, String user, String password, String token, javax.net.ssl.SSLContext ssl) {
        try {
            Options.Builder b = Options.builder().server(url).connectionTimeout(Duration.ofSeconds(5))
                    .maxReconnects(-1);
            if (user != null) {
                b.userInfo(user, password);
            }
            if (ssl != null) {
                b.sslContext(ssl);
            }
            if (token != null) {
                b.token(token.toCharArray());
            }
            connection = Nats.connect(b.build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect test fixtures to " + url, e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public JetStreamManagement jsm() {
        try {
            return connection.jetStreamManagement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void createStream(String name, String... subjects) {
        try {
            jsm().addStream(StreamConfiguration.builder().name(name).subjects(subjects)
                    .storageType(StorageType.File).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create stream " + name, e);
        }
    }

    /** Publishes each line as one message to {@code subjects[i % n]}, waiting for every acknowledgement. */
    public void publish(List<String> lines, List<String> subjects, java.util.function.IntFunction<Headers> headers) {
        try {
            JetStream js = connection.jetStream();
            ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>();
            for (int i = 0; i < lines.size(); i++) {
                Headers h = headers == null ? null : headers.apply(i);
                inFlight.add(js.publishAsync(subjects.get(i % subjects.size()), h,
                        lines.get(i).getBytes(StandardCharsets.UTF_8)));
                if (inFlight.size() > 4000) {
                    inFlight.poll().get();
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    public void publish(String subject, String line, Headers headers) {
        publish(List.of(line), List.of(subject), i -> headers);
    }

    public long messageCount(String stream) {
        try {
            return jsm().getStreamInfo(stream).getStreamState().getMsgCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> consumerNames(String stream) {
        try {
            return jsm().getConsumerNames(stream);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
