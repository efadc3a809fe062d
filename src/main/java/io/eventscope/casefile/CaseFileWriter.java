package io.eventscope.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.source.LoadWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a case file (pretty JSON, keys in a fixed order) through a temporary file, so a crash leaves the old one. */
public final class CaseFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CaseFileWriter() {
    }

    public static void write(CaseFile c, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, ".case-", ".tmp");
        try {
            Files.write(temp, toBytes(c));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static byte[] toBytes(CaseFile c) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", CaseFile.VERSION);
        root.put("source", CaseSource.forSaving(c.source())); // never a password, whatever the caller passed
        if (c.signIn()) {
            root.put("signIn", true);
        }
        ObjectNode p = root.putObject("projection");
        if (c.projection().isBundled()) {
            p.put("bundled", c.projection().bundled());
        } else {
            p.put("file", c.projection().file()).put("sha256", c.projection().sha256());
        }
        ObjectNode w = root.putObject("window");
        LoadWindow window = c.window();
        if (window.last() > 0) {
            w.put("last", window.last());
        } else if (window.since() != null) {
            w.put("since", window.since().toString());
        } else if (window.fromPosition() > 1) {
            w.put("fromPosition", window.fromPosition());
        }
        if (window.foldEarlier() && !w.isEmpty()) { // written only when true: a plain window reads as before
            w.put("foldEarlier", true);
        }
        ObjectNode f = root.putObject("filters");
        f.put("text", c.filters().text());
        c.filters().types().forEach(f.putArray("types")::add);
        f.put("entity", c.filters().entity()).put("from", c.filters().from()).put("to", c.filters().to())
                .put("flaggedOnly", c.filters().flaggedOnly());
        root.put("cursor", c.cursor());
        if (c.brokerClock()) { // written only when chosen: a case on event time reads as before
            root.put("clock", "broker");
        }
        c.charted().forEach(root.putArray("charted")::add);
        ArrayNode marks = root.putArray("bookmarks");
        for (Bookmark b : c.bookmarks()) {
            marks.addObject().put("position", b.position()).put("note", b.note()).put("author", b.author())
                    .put("time", b.time().toString()).put("payloadSha256", b.payloadSha256());
        }
        return JSON.writeValueAsBytes(root);
    }
}
