package io.eventscope.casefile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.LoadWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a case file strictly: size, version, every key known, every value of its type and range. The
 * file is data: its source passes {@link CaseSource#checked}, its projection is a bundled name or a spec
 * file whose hash the caller checks, and nothing in it is evaluated.
 */
public final class CaseFileReader {
    /** A case is a few kilobytes; anything this large is not one (and is not read into memory). */
    public static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("version", "source", "signIn", "projection", "window", "filters",
            "cursor", "charted", "bookmarks", "clock");

    private CaseFileReader() {
    }

    public static CaseFile read(Path file) throws CaseFileException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new CaseFileException("The case file " + Escaped.of(String.valueOf(file.getFileName()))
                    + " cannot be read (" + (e.getMessage() == null ? "missing or unreadable" : Escaped.of(e.getMessage()))
                    + "); check the path.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new CaseFileException("The file " + Escaped.of(String.valueOf(file.getFileName()))
                    + " is larger than 1 MiB, too large to be a case file; choose the .esc file that was saved.");
        }
        CaseFile c = parse(bytes);
        return c.source().equals(io.eventscope.load.Sources.BUNDLED_SAMPLE) ? c : relativeTo(c, file);
    }

    /** A relative file source is next to the case file (a case sent along with its log). */
    private static CaseFile relativeTo(CaseFile c, Path caseFile) {
        if (c.source().contains("://") || Path.of(c.source()).isAbsolute()) {
            return c;
        }
        Path folder = caseFile.toAbsolutePath().getParent();
        String source = folder == null ? c.source() : folder.resolve(c.source()).normalize().toString();
        return new CaseFile(source, c.signIn(), c.projection(), c.window(), c.filters(), c.cursor(), c.charted(),
                c.bookmarks(), c.brokerClock());
    }

    public static CaseFile parse(byte[] bytes) throws CaseFileException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CaseFileException("This file is not a case file (not valid JSON at line "
                    + e.getLocation().getLineNr() + "); choose the .esc file that was saved. Nothing was changed.");
        } catch (IOException e) {
            throw new CaseFileException("This file is not a case file (" + Escaped.of(e.getMessage()) + ").");
        }
        CaseJson top = new CaseJson(root, "the case");
        if (!top.has("version")) {
            throw CaseJson.bad("it has no \"version\" (not an Eventscope case file?)");
        }
        JsonNode version = top.raw("version");
        if (!version.isIntegralNumber() || version.longValue() != CaseFile.VERSION) {
            throw new CaseFileException("This case file has version " + Escaped.of(version.toString())
                    + "; this Eventscope reads version " + CaseFile.VERSION + " only (a newer Eventscope may open it).");
        }
        top.onlyKeys(TOP);
        String source;
        try {
            source = CaseSource.checked(top.text("source", CaseSource.MAX_LENGTH), "case file");
        } catch (CaseFileException e) {
            throw top.has("source") && top.raw("source").isTextual() ? e : CaseJson.bad("the case.source must be a text");
        }
        return new CaseFile(source, top.flag("signIn"), projection(top), window(top), filters(top),
                (int) top.whole("cursor", 0, Integer.MAX_VALUE), top.texts("charted"), bookmarks(top), brokerClock(top));
    }

    /** Which clock times were read on: "event" (also when absent, as in cases saved before the choice was) or "broker". */
    private static boolean brokerClock(CaseJson top) throws CaseFileException {
        String clock = top.has("clock") ? top.text("clock", 10) : "event";
        if (!clock.equals("event") && !clock.equals("broker")) {
            throw CaseJson.bad("the case.clock must be \"event\" or \"broker\"");
        }
        return clock.equals("broker");
    }

    private static ProjectionRef projection(CaseJson top) throws CaseFileException {
        if (!top.has("projection")) {
            return ProjectionRef.bundled("banking");
        }
        CaseJson p = new CaseJson(top.raw("projection"), "the case.projection").onlyKeys(Set.of("bundled", "file", "sha256"));
        if (p.has("bundled") == p.has("file")) {
            throw CaseJson.bad("the case.projection must name either a bundled projection or a file");
        }
        if (p.has("bundled")) {
            String name = p.text("bundled", 100);
            if (!ProjectionSpecReader.BUNDLED.contains(name)) {
                throw CaseJson.bad("the case.projection names \"" + Escaped.of(name) + "\", which is not bundled ("
                        + String.join(", ", ProjectionSpecReader.BUNDLED) + ")");
            }
            return ProjectionRef.bundled(name);
        }
        String file = p.text("file", CaseSource.MAX_LENGTH);
        String sha = p.has("sha256") ? p.text("sha256", 64) : null;
        if (!PayloadHash.looksLikeOne(sha)) {
            throw CaseJson.bad("the case.projection.sha256 must be the spec file's SHA-256 (64 lower-case hex digits)");
        }
        if (file.isBlank() || file.chars().anyMatch(Character::isISOControl)) {
            throw CaseJson.bad("the case.projection.file must be a path");
        }
        return ProjectionRef.file(file, sha);
    }

    private static LoadWindow window(CaseJson top) throws CaseFileException {
        if (!top.has("window")) {
            return LoadWindow.ALL;
        }
        CaseJson w = new CaseJson(top.raw("window"), "the case.window")
                .onlyKeys(Set.of("last", "since", "fromPosition", "foldEarlier"));
        int set = (w.has("last") ? 1 : 0) + (w.has("since") ? 1 : 0) + (w.has("fromPosition") ? 1 : 0);
        if (set > 1) {
            throw CaseJson.bad("the case.window must give at most one of last, since and fromPosition");
        }
        // A held window (saved by a later Eventscope; absent in older cases): the history before it is folded in.
        boolean fold = w.flag("foldEarlier");
        if (fold && set == 0) {
            throw CaseJson.bad("the case.window.foldEarlier needs one of last, since and fromPosition");
        }
        if (w.has("last")) {
            return new LoadWindow(0, null, w.whole("last", 1, Integer.MAX_VALUE), fold);
        }
        if (w.has("fromPosition")) {
            return new LoadWindow(w.whole("fromPosition", 1, Long.MAX_VALUE / 2), null, 0, fold);
        }
        if (w.has("since")) {
            return new LoadWindow(0, instant(w, "since"), 0, fold);
        }
        return LoadWindow.ALL;
    }

    private static CaseFilters filters(CaseJson top) throws CaseFileException {
        if (!top.has("filters")) {
            return CaseFilters.NONE;
        }
        CaseJson f = new CaseJson(top.raw("filters"), "the case.filters")
                .onlyKeys(Set.of("text", "types", "entity", "from", "to", "flaggedOnly"));
        return new CaseFilters(f.optionalText("text"), f.texts("types"), f.optionalText("entity"), f.optionalText("from"),
                f.optionalText("to"), f.flag("flaggedOnly"));
    }

    private static List<Bookmark> bookmarks(CaseJson top) throws CaseFileException {
        List<Bookmark> out = new ArrayList<>();
        if (!top.has("bookmarks")) {
            return out;
        }
        JsonNode list = top.raw("bookmarks");
        if (!list.isArray() || list.size() > CaseJson.MAX_LIST) {
            throw CaseJson.bad("the case.bookmarks must be a list of at most " + CaseJson.MAX_LIST + " bookmarks");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ((ArrayNode) list).size(); i++) {
            CaseJson b = new CaseJson(list.get(i), "bookmark " + (i + 1))
                    .onlyKeys(Set.of("position", "note", "author", "time", "payloadSha256"));
            int position = (int) b.whole("position", 1, Integer.MAX_VALUE);
            if (!seen.add(position)) {
                throw CaseJson.bad("two bookmarks mark position #" + position + " (one note per position)");
            }
            String sha = b.text("payloadSha256", 64);
            if (!PayloadHash.looksLikeOne(sha)) {
                throw CaseJson.bad("bookmark " + (i + 1) + ".payloadSha256 must be 64 lower-case hex digits");
            }
            out.add(new Bookmark(position, b.has("note") ? b.text("note", Bookmark.MAX_NOTE) : "",
                    b.has("author") ? b.text("author", Bookmark.MAX_AUTHOR) : "", instant(b, "time"), sha));
        }
        return out;
    }

    private static Instant instant(CaseJson o, String key) throws CaseFileException {
        String text = o.text(key, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CaseJson.bad("\"" + Escaped.of(text) + "\" is not an ISO-8601 UTC time like 2024-03-01T09:41:12Z");
        }
    }
}
