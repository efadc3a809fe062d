package io.eventscope.ui.connect;

/** The kinds of source the Connect dialog can name, with their URI schemes and default ports. */
public enum SourceKind {
    FILE("JSON Lines file", null, null, 0, "File"),
    MEMPHIS("Memphis station", "memphis", "memphis+tls", 6666, "Station"),
    NATS("NATS JetStream stream", "nats", "nats+tls", 4222, "Stream"),
    KAFKA("Kafka topic", "kafka", "kafka+ssl", 9092, "Topic");

    private final String label;
    private final String scheme;
    private final String tlsScheme;
    private final int defaultPort;
    private final String nameLabel;

    SourceKind(String label, String scheme, String tlsScheme, int defaultPort, String nameLabel) {
        this.label = label;
        this.scheme = scheme;
        this.tlsScheme = tlsScheme;
        this.defaultPort = defaultPort;
        this.nameLabel = nameLabel;
    }

    public String scheme(boolean tls) {
        return tls ? tlsScheme : scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** What the name field holds: station, stream, topic or file path. */
    public String nameLabel() {
        return nameLabel;
    }

    public boolean remote() {
        return this != FILE;
    }

    @Override
    public String toString() {
        return label;
    }
}
