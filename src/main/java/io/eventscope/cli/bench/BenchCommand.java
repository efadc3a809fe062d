package io.eventscope.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventscope.demo.DemoLog;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench [--events N] [--entities M] [--json FILE]}: generates a banking log and measures, in one
 * run, our speed and memory against the bare parser and client on the same data.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure load speed, seek latency and memory on a generated banking log.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "Events (default 1000000).")
    int events;

    @Option(names = "--entities", defaultValue = "10000", paramLabel = "M", description = "Entities (default 10000).")
    int entities;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R", description = "Timed runs per figure, best kept.")
    int runs;

    @Option(names = "--seeks", defaultValue = "2000", paramLabel = "S", description = "Random seeks timed.")
    int seeks;

    @Option(names = "--skip-station",
            description = "Skip the station load figure (it starts a local nats-server, which must be installed).")
    boolean skipStation;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Also measure a topic load against a raw KafkaConsumer on this broker (it creates, then "
                    + "deletes, a topic eventscope-bench-*).")
    String kafka;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (events < 1 || entities < 1 || runs < 1 || seeks < 1) {
            // Said as the command line's other user errors are (one sentence, exit 1), without reaching back into cli.
            spec.commandLine().getErr().println("--events, --entities, --runs and --seeks must be 1 or more.");
            spec.commandLine().getErr().flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("eventscope-bench");
        Path file = dir.resolve("bench.jsonl");
        Path nested = dir.resolve("bench-cloudevents.jsonl");
        try {
            out.printf("Generating %,d events over %,d entities ...%n", events, entities);
            out.flush();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoLog(events, entities, 1).write(w);
            }
            BenchFigures figures = measure(file, nested, out);
            BenchReport.print(out, figures);
            if (json != null) {
                Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(figures.asMap()) + "\n");
                out.printf("Figures written to %s%n", json);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(nested);
            Files.deleteIfExists(dir);
        }
        out.flush();
        return 0;
    }

    private BenchFigures measure(Path file, Path nested, PrintWriter out) throws Exception {
        ProjectionSpec banking = ProjectionSpecReader.banking();
        BenchFigures f = new BenchFigures();
        Runtime rt = Runtime.getRuntime();
        f.put("events", events);
        f.put("entities", entities);
        f.put("machine_cores", rt.availableProcessors());
        f.put("machine_jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        f.put("machine_max_heap_mb", rt.maxMemory() >> 20);
        f.put("machine_os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        long fileBytes = Files.size(file);
        f.put("file_bytes", fileBytes);

        FileIngestBench ingest = new FileIngestBench(file, banking, runs);
        out.println("Measuring memory ...");
        out.flush();
        long before = HeapMeter.usedAfterGc();
        Timeline timeline = ingest.loadOnce();
        ReplayEngine engine = new ReplayEngine(timeline, banking);
        engine.stateAt(timeline.size());
        long after = HeapMeter.usedAfterGc();
        long rawPayload = fileBytes - timeline.size(); // payload bytes without the line terminators
        f.put("heap_retained_bytes", after - before);
        f.put("timeline_column_bytes", timeline.columnBytes());
        f.put("payload_arena_bytes", timeline.payloadBytes());
        f.put("checkpoint_bytes", engine.checkpointBytes());
        f.put("raw_payload_bytes", rawPayload);
        f.put("heap_overhead_bytes_per_event", round((double) (after - before - rawPayload) / timeline.size(), 1));
        Reference.reachabilityFence(engine);

        out.println("Measuring file ingest ...");
        out.flush();
        FileIngestBench.Rates rates = ingest.rates(timeline.size());
        double jackson = rates.jackson();
        double ours = rates.ours();
        f.put("file_ingest_events_per_s", Math.round(ours));
        f.put("jackson_parse_events_per_s", Math.round(jackson));
        f.put("file_ingest_ratio", round(ours / jackson, 3));

        out.println("Measuring the same events as CloudEvents (fields nested in data) ...");
        out.flush();
        // Written only now, so that generating it cannot disturb the figures above.
        try (BufferedWriter w = Files.newBufferedWriter(nested, StandardCharsets.UTF_8)) {
            new DemoLog(events, entities, 1, DemoLog.Shape.CLOUDEVENTS).write(w);
        }
        double[] flatVsNested = ingest.bestSecondsAgainst(new FileIngestBench(nested, banking, runs));
        f.put("cloudevents_ingest_events_per_s", Math.round(events / flatVsNested[1]));
        f.put("cloudevents_vs_flat_ratio", round(flatVsNested[0] / flatVsNested[1], 3));

        if (!skipStation) {
            out.println("Filling a station on a local nats-server and measuring station load ...");
            out.flush();
            try (StationLoadBench bench = StationLoadBench.prepare(file, banking, runs)) {
                StationLoadBench.Rates r = bench.rates();
                f.put("station_load_events_per_s", Math.round(r.ours()));
                f.put("raw_drain_events_per_s", Math.round(r.raw()));
                f.put("station_load_ratio", round(r.ours() / r.raw(), 3));
            }
        }

        if (kafka != null) {
            out.println("Filling a three-partition topic at " + kafka + " and measuring topic load ...");
            out.flush();
            try (TopicLoadBench bench = TopicLoadBench.prepare(kafka, file, banking, runs)) {
                TopicLoadBench.Rates r = bench.rates();
                f.put("topic_load_events_per_s", Math.round(r.ours()));
                f.put("raw_poll_events_per_s", Math.round(r.raw()));
                f.put("topic_load_ratio", round(r.ours() / r.raw(), 3));
            }
        }

        out.println("Measuring seeks ...");
        out.flush();
        SeekBench.Result seek = SeekBench.run(timeline, banking, seeks, 42);
        f.put("checkpoint_build_ms", round(seek.buildMs(), 1));
        f.put("checkpoints", seek.checkpoints());
        f.put("checkpoint_bytes", seek.checkpointBytes());
        f.put("seek_p50_ms", round(seek.p50Ms(), 3));
        f.put("seek_p99_ms", round(seek.p99Ms(), 3));
        f.put("seek_max_ms", round(seek.maxMs(), 3));
        f.put("full_fold_ms", round(seek.fullFoldMs(), 1));
        f.put("seek_speedup", round(seek.fullFoldMs() / seek.p50Ms(), 1));
        out.println("Measuring the filter bar's search ...");
        out.flush();
        SearchBench.run(timeline, banking, runs).forEach((k, v) -> f.put(k, round(v, 1)));
        out.println("Measuring evidence export ...");
        out.flush();
        ExportBench.Result export = ExportBench.run(file, banking, runs);
        f.put("export_events_per_s", Math.round(export.eventsPerS()));
        f.put("export_command_events_per_s", Math.round(export.commandEventsPerS()));
        f.put("export_load_then_export_events_per_s", Math.round(export.loadThenExportEventsPerS()));
        f.put("export_command_ratio", round(export.commandEventsPerS() / export.loadThenExportEventsPerS(), 3));
        out.printf("Measuring the streaming state fold on %,d events ...%n", StreamBench.EVENTS);
        out.flush();
        StreamBench.Result stream = StreamBench.run(file.getParent(), entities, banking, runs);
        f.put("stream_events", stream.events());
        f.put("stream_state_heap_mb", round(stream.heapMb(), 1));
        f.put("stream_state_events_per_s", Math.round(stream.streamEventsPerS()));
        f.put("stream_timeline_load_events_per_s", Math.round(stream.loadEventsPerS()));
        f.put("stream_state_ratio", round(stream.streamEventsPerS() / stream.loadEventsPerS(), 3));
        f.put("note", "Absolute figures vary between machines; the ratios, measured in one run on the same data, "
                + "are what count.");
        return f;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%,.3f", value);
    }
}
