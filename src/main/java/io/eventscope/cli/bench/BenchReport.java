package io.eventscope.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the bench figures as a table with the targets from the performance issue. */
final class BenchReport {
    private record Target(String key, String label, String goal, boolean higherIsBetter, double bound) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("file_ingest_ratio", "file ingest ÷ bare Jackson parse", "≥ 0.7", true, 0.7),
            new Target("cloudevents_vs_flat_ratio", "nested CloudEvents load ÷ flat load", "≥ 0.5", true, 0.5),
            new Target("station_load_ratio", "station load ÷ raw jnats drain", "≥ 0.8", true, 0.8),
            new Target("topic_load_ratio", "topic load ÷ raw KafkaConsumer poll", "≥ 0.8", true, 0.8),
            new Target("seek_p50_ms", "seek p50 (ms)", "", true, Double.NaN),
            new Target("seek_p99_ms", "seek p99 (ms)", "≤ 5", false, 5),
            new Target("seek_speedup", "full fold ÷ median seek", "≥ 100", true, 100),
            new Target("heap_overhead_bytes_per_event", "heap overhead (bytes/event)", "≤ 64", false, 64),
            new Target("export_events_per_s", "evidence export of a loaded timeline (events/s)", "≥ 200,000", true, 200_000),
            new Target("stream_state_heap_mb", "streaming state: live heap (MB)", "≤ 64", false, 64),
            new Target("stream_state_ratio", "stream state ÷ timeline load", "≥ 1", true, 1),
            new Target("export_command_ratio", "export (one streamed read) ÷ load, then export", "≥ 1", true, 1));

    private BenchReport() {
    }

    static void print(PrintWriter out, BenchFigures f) {
        out.println();
        out.printf("Eventscope bench: %,d events, %,d entities — %s cores, %s, max heap %s MiB%n",
                ((Number) f.get("events")).longValue(), ((Number) f.get("entities")).longValue(),
                f.get("machine_cores"), f.get("machine_jvm"), f.get("machine_max_heap_mb"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "target", ""});
        for (Target t : TARGETS) {
            Object v = f.get(t.key());
            if (v == null) {
                rows.add(new String[] {t.label(), "not measured", t.goal(), ""});
                continue;
            }
            double d = ((Number) v).doubleValue();
            String verdict = Double.isNaN(t.bound()) ? ""
                    : (t.higherIsBetter() ? d >= t.bound() : d <= t.bound()) ? "ok" : "MISSED";
            rows.add(new String[] {t.label(), String.format(Locale.ROOT, "%,.3f", d), t.goal(), verdict});
        }
        rows.add(new String[] {"our file ingest (events/s)", rate(f, "file_ingest_events_per_s"), "", ""});
        rows.add(new String[] {"bare Jackson parse (events/s)", rate(f, "jackson_parse_events_per_s"), "", ""});
        rows.add(new String[] {"our CloudEvents ingest (events/s)", rate(f, "cloudevents_ingest_events_per_s"), "", ""});
        if (f.get("station_load_events_per_s") != null) {
            rows.add(new String[] {"our station load (events/s)", rate(f, "station_load_events_per_s"), "", ""});
            rows.add(new String[] {"raw jnats drain (events/s)", rate(f, "raw_drain_events_per_s"), "", ""});
        }
        if (f.get("topic_load_events_per_s") != null) {
            rows.add(new String[] {"our topic load (events/s)", rate(f, "topic_load_events_per_s"), "", ""});
            rows.add(new String[] {"raw KafkaConsumer poll (events/s)", rate(f, "raw_poll_events_per_s"), "", ""});
        }
        if (f.get("export_command_events_per_s") != null) {
            rows.add(new String[] {"export command, one streamed read of the file (events/s)",
                    rate(f, "export_command_events_per_s"), "", ""});
            rows.add(new String[] {"timeline load of the file, then its export (events/s)",
                    rate(f, "export_load_then_export_events_per_s"), "", ""});
        }
        if (f.get("stream_state_events_per_s") != null) {
            rows.add(new String[] {"streaming state, " + rate(f, "stream_events") + " events (events/s)",
                    rate(f, "stream_state_events_per_s"), "", ""});
            rows.add(new String[] {"timeline load, same file (events/s)",
                    rate(f, "stream_timeline_load_events_per_s"), "", ""});
        }
        SearchBench.SEARCHES.forEach((key, label) -> rows.add(new String[] {label + ", every event (ms)",
                String.valueOf(f.get(key)), "", ""}));
        rows.add(new String[] {"full fold from zero (ms)", String.valueOf(f.get("full_fold_ms")), "", ""});
        rows.add(new String[] {"checkpoint build (ms)", String.valueOf(f.get("checkpoint_build_ms")), "", ""});
        rows.add(new String[] {"checkpoints", String.valueOf(f.get("checkpoints")), "", ""});
        int[] w = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            out.println(String.format(Locale.ROOT, "%-" + w[0] + "s  %" + w[1] + "s  %-" + w[2] + "s  %s",
                    r[0], r[1], r[2], r[3]).stripTrailing());
        }
        out.println(f.get("note"));
    }

    private static String rate(BenchFigures f, String key) {
        Object v = f.get(key);
        return v == null ? "" : String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    }
}
