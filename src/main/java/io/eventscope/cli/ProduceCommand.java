package io.eventscope.cli;

import io.eventscope.event.DecimalText;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import io.eventscope.source.kafka.KafkaEndpoint;
import io.eventscope.source.kafka.TopicProducer;
import io.eventscope.source.memphis.StationProducer;
import io.eventscope.source.nats.NatsEndpoint;
import io.eventscope.source.nats.Passwords;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code produce SOURCE --file F.jsonl [--partitions P] [--create] [--key-field F]}: the one command that
 * writes to a broker, for demo and test data. Writes like a Memphis producer to stations and streams, and
 * with the Kafka client to topics; never creates streams or topics unless asked.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Write a JSON Lines file into a Memphis station, JetStream stream or Kafka topic, one message per line "
                + "(the only command that writes to a broker).")
public final class ProduceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "memphis://host/station, nats://host/stream (+tls) or kafka://host/topic (kafka+ssl).")
    String target;

    @Option(names = "--file", required = true, paramLabel = "F.jsonl", description = "The events to write.")
    Path file;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Memphis: partitions to create (with --create) or to expect; producers round-robin over them. "
                    + "Kafka: partitions of a topic made by --create.")
    Integer partitions;

    @Option(names = "--key-field", paramLabel = "FIELD",
            description = "Kafka: use this top-level field (e.g. account) as the record key, so one entity's events "
                    + "share a partition; without it lines go round-robin over the partitions.")
    String keyField;

    @Option(names = "--create", description = "Create the station's streams (or the stream) if missing.")
    boolean create;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the broker password (or token) from the first line of FILE; else EVENTSCOPE_PASSWORD.")
    Path passwordFile;

    @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError("The file " + file + " does not exist; check the path.");
        }
        if (partitions != null && partitions < 1) {
            throw new UserError("--partitions must be 1 or more.");
        }
        try {
            SourceSpec parsed = SourceSpec.parse(target);
            if (!parsed.isFile() && KafkaEndpoint.handles(parsed.scheme())) {
                return produceToTopic(KafkaEndpoint.parse(parsed, Passwords.resolve(passwordFile, System.getenv())));
            }
            if (keyField != null) {
                throw new UserError("--key-field applies to Kafka topics only.");
            }
            if (parsed.isFile() || !NatsEndpoint.handles(parsed.scheme())) {
                throw new UserError("produce writes to memphis:// stations, nats:// streams and kafka:// topics only, "
                        + "not to " + SourceSpec.redact(target) + ".");
            }
            NatsEndpoint endpoint = NatsEndpoint.parse(parsed, Passwords.resolve(passwordFile, System.getenv()));
            if (!endpoint.memphis() && partitions != null) {
                throw new UserError("--partitions applies to Memphis stations only; a JetStream stream has none.");
            }
            StationProducer.Result result = new StationProducer(endpoint)
                    .produce(file, partitions == null ? 0 : partitions, create);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %s message%s to %s (%s%s).%n", DecimalText.grouped(result.messages()),
                    result.messages() == 1 ? "" : "s", endpoint.displayName(), String.join(", ", result.streams()),
                    result.created() ? ", created" : "");
            out.flush();
            return 0;
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Record timestamps follow the events' times as the bundled projection reads them. */
    private int produceToTopic(KafkaEndpoint endpoint) throws SourceException {
        List<String> timeFields = ProjectionSpecReader.banking().fieldMapping().timeFields();
        TopicProducer.Result result = new TopicProducer(endpoint, keyField, timeFields)
                .produce(file, partitions == null ? 0 : partitions, create);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote %s message%s to %s (%d partition%s%s).%n", DecimalText.grouped(result.messages()),
                result.messages() == 1 ? "" : "s", endpoint.displayName(), result.partitions(),
                result.partitions() == 1 ? "" : "s", result.created() ? ", created" : "");
        out.flush();
        return 0;
    }
}
