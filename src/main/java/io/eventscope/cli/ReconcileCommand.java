package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventscope.audit.Reconcile;
import io.eventscope.replay.Masks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reconcile SOURCE --against FILE.csv [--position N | --at T]}: another system's state against the replay. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare what another system says the state is (CSV: entity, then state fields) with the "
                + "replayed state at a cut. Exact decimal comparison. Exit 0 when all match, 3 on any difference.")
public final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @ArgGroup(exclusive = true)
    StateCommand.Moment moment;

    @Option(names = "--against", required = true, paramLabel = "FILE.csv",
            description = "CSV with a header row: entity, then state field names.")
    Path against;

    @Option(names = "--format", defaultValue = "table", paramLabel = "json|table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    enum Format { json, table }

    /** Streams the source through the replay's fold to the cut (memory bounded by entities), then compares. */
    @Override
    public Integer call() {
        StreamedCut read = StreamedCut.read(source, moment, false);
        Reconcile r;
        try (BufferedReader csv = Files.newBufferedReader(against, StandardCharsets.UTF_8)) {
            r = Reconcile.of(read.state(), csv, against.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError("The file " + against + " does not exist; name the CSV to reconcile against.");
        } catch (IOException e) {
            throw new UserError("The file " + against + " cannot be read (" + e.getMessage()
                    + "); it must be UTF-8 CSV.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Reconcile shown = r.masked(source.masks(read.spec(), format == Format.json ? Masks.Mode.HASH
                : Masks.Mode.SHOW));
        if (format == Format.json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(shown.toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            printTable(out, shown);
        }
        out.flush();
        return r.clean() ? 0 : VerifyCommand.FINDINGS; // streamed to the end: never partial
    }

    private static void printTable(PrintWriter out, Reconcile r) {
        out.printf("%d entities match; %d field differences; %d only in the source; %d only in the file.%n",
                r.matched(), r.mismatches().size(), r.onlyInSource().size(), r.onlyInFile().size());
        if (!r.mismatches().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            r.mismatches().forEach(m -> rows.add(List.of(m.entity(), m.field(), m.expected(),
                    m.replayed() == null ? "" : m.replayed())));
            TextTable.print(out, List.of("ENTITY", "FIELD", "FILE SAYS", "REPLAY SAYS"), rows, c -> c >= 2);
        }
        printIds(out, "Only in the source", r.onlyInSource());
        printIds(out, "Only in the file", r.onlyInFile());
    }

    /** At most 20 ids in the table (the JSON answer lists them all). */
    private static void printIds(PrintWriter out, String title, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        int shown = Math.min(20, ids.size());
        out.println(title + ": " + ids.subList(0, shown).stream().map(TerminalText::escape).collect(java.util.stream.Collectors.joining(", "))
                + (ids.size() > shown ? " and " + (ids.size() - shown) + " more (--format json lists all)" : ""));
    }
}
