package io.eventscope.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.event.Timeline;
import io.eventscope.source.LoadWindow;
import io.eventscope.testing.Timelines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case file written and read back is the same case; anything tampered is refused with one sentence. */
class CaseFileTest {
    private static final String SHA = "a".repeat(64);
    @TempDir
    Path dir;

    private static CaseFile sample(String source) {
        return new CaseFile(source, true, ProjectionRef.file("/specs/bank.json", "b".repeat(64)),
                new LoadWindow(0, null, 500), new CaseFilters("ACME", List.of("Deposit"), "ACC-1", "", "", true), 42,
                List.of("ACC-1", "ACC-2"), List.of(new Bookmark(7, "refund here?\nsee ticket", "ann",
                        Instant.parse("2026-12-01T10:00:00Z"), SHA)));
    }

    @Test
    void aSavedCaseReadsBackAsTheSameCaseWithoutTheCredentials() throws Exception {
        Path file = dir.resolve("c.esc");
        CaseFileWriter.write(sample("nats://ops:s3cr%40t@broker.example:4222/payments?ca=/etc/ca.pem"), file);
        String text = Files.readString(file);
        assertThat(text).contains("\"version\" : 1").doesNotContain("s3cr").doesNotContain("ops");
        CaseFile back = CaseFileReader.read(file);
        assertThat(back).isEqualTo(sample("nats://broker.example:4222/payments?ca=/etc/ca.pem"));
    }

    @Test
    void kafkaHostListsLoseTheirUserInfoToo() {
        assertThat(CaseSource.withoutCredentials("kafka://u:p@h1:9092,h2:9092/orders?sasl=PLAIN"))
                .isEqualTo("kafka://h1:9092,h2:9092/orders?sasl=PLAIN");
        assertThat(CaseSource.hasCredentials("kafka://h1:9092/t?x=a@b")).isFalse(); // '@' after the authority
    }

    @Test
    void aRelativeFilePathIsSavedAbsoluteSoTheCaseOpensFromAnywhere() throws Exception {
        byte[] saved = CaseFileWriter.toBytes(new CaseFile("logs/bank.jsonl", false, ProjectionRef.bundled("banking"),
                LoadWindow.ALL, CaseFilters.NONE, 0, List.of(), List.of()));
        assertThat(CaseFileReader.parse(saved).source()).isEqualTo(Path.of("logs/bank.jsonl").toAbsolutePath().toString());
        assertThat(CaseLink.parse(CaseLink.format("bundled:sample", 3)).source()).isEqualTo("bundled:sample");
    }

    @Test
    void typedCredentialsArePercentEncodedSoReservedCharactersSurvive() {
        String with = CaseSource.withCredentials("nats://h:4222/s", "ops", "p@ss:w/rd &?");
        assertThat(with).isEqualTo("nats://ops:p%40ss%3Aw%2Frd%20%26%3F@h:4222/s");
    }

    private static String refusal(String json) {
        try {
            CaseFileReader.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (CaseFileException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void everyKindOfTamperingGetsOneSentence() {
        assertThat(refusal("{\"version\":2,\"source\":\"a.jsonl\",\"cursor\":0}")).contains("version 2");
        assertThat(refusal("{\"source\":\"a.jsonl\",\"cursor\":0}")).contains("no \"version\"");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"exec\":\"rm\"}"))
                .contains("unknown key \"exec\"");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":99999999999}")).contains("cursor");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":-1}")).contains("cursor");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":1.5}")).contains("cursor");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":\"7\"}")).contains("cursor");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"source\":\"b.jsonl\",\"cursor\":0}"))
                .contains("not valid JSON");
        assertThat(refusal("{\"version\":1,\"source\":\"http://evil.example/x\",\"cursor\":0}"))
                .contains("kind http://");
        assertThat(refusal("{\"version\":1,\"source\":\"nats://u:pw@h/s\",\"cursor\":0}"))
                .contains("user name or password").doesNotContain("pw");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"projection\":{\"bundled\":\"../x\"}}"))
                .contains("not bundled");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"window\":{\"last\":5,\"since\":\"x\"}}"))
                .contains("at most one");
        String mark = "{\"position\":3,\"time\":\"2026-01-01T00:00:00Z\",\"payloadSha256\":\"" + SHA + "\"}";
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"bookmarks\":[" + mark + "," + mark + "]}"))
                .contains("two bookmarks mark position #3");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"bookmarks\":[{\"position\":0,"
                + "\"time\":\"2026-01-01T00:00:00Z\",\"payloadSha256\":\"" + SHA + "\"}]}")).contains("position");
        assertThat(refusal("[1,2]")).contains("must be a JSON object");
        assertThat(refusal("not json")).contains("not valid JSON");
    }

    private static LoadWindow roundTrip(LoadWindow window) throws Exception {
        return CaseFileReader.parse(CaseFileWriter.toBytes(new CaseFile("a.jsonl", false, ProjectionRef.bundled("banking"),
                window, CaseFilters.NONE, 0, List.of(), List.of()))).window();
    }

    @Test
    void aHeldWindowReadsBackHeldAndAPlainOnePlain() throws Exception {
        Instant since = Instant.parse("2024-03-01T09:41:12Z");
        for (LoadWindow w : List.of(LoadWindow.heldFrom(1234), LoadWindow.heldSince(since), LoadWindow.heldLast(500),
                new LoadWindow(1234, null, 0), new LoadWindow(0, since, 0), new LoadWindow(0, null, 500), LoadWindow.ALL)) {
            assertThat(roundTrip(w)).isEqualTo(w);
        }
        assertThat(new String(CaseFileWriter.toBytes(sample("a.jsonl")), StandardCharsets.UTF_8))
                .as("a plain window is written as before").doesNotContain("foldEarlier");
    }

    @Test
    void aCaseWrittenBeforeHeldWindowsOpensAsThePlainWindowItSaved() throws Exception {
        String old = "{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":3,\"window\":{\"fromPosition\":50}}";
        assertThat(CaseFileReader.parse(old.getBytes(StandardCharsets.UTF_8)).window()).isEqualTo(new LoadWindow(50, null, 0));
    }

    @Test
    void aHeldWindowWithoutAStartOrWithAFlagThatIsNoFlagIsRefused() {
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"window\":{\"foldEarlier\":true}}"))
                .contains("foldEarlier needs one of last, since and fromPosition");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"window\":{\"last\":5,"
                + "\"foldEarlier\":\"yes\"}}")).contains("foldEarlier must be true or false");
    }

    @Test
    void theClockReadsBackAndIsWrittenOnlyWhenItIsTheBrokers() throws Exception {
        CaseFile event = sample("a.jsonl");
        CaseFile broker = new CaseFile("a.jsonl", true, event.projection(), event.window(), event.filters(), event.cursor(),
                event.charted(), event.bookmarks(), true);
        assertThat(new String(CaseFileWriter.toBytes(broker), StandardCharsets.UTF_8)).contains("\"clock\" : \"broker\"");
        assertThat(new String(CaseFileWriter.toBytes(event), StandardCharsets.UTF_8)).doesNotContain("clock");
        assertThat(CaseFileReader.parse(CaseFileWriter.toBytes(broker)).brokerClock()).isTrue();
        assertThat(CaseFileReader.parse(CaseFileWriter.toBytes(event)).brokerClock()).isFalse();
        assertThat(CaseFileReader.parse("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"clock\":\"event\"}"
                .getBytes(StandardCharsets.UTF_8)).brokerClock()).isFalse();
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"clock\":\"sundial\"}"))
                .contains("the case.clock must be \"event\" or \"broker\"");
        assertThat(refusal("{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"clock\":1}"))
                .contains("the case.clock must be a text");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("big.esc");
        Files.write(huge, new byte[(int) CaseFileReader.MAX_BYTES + 10]);
        assertThatThrownBy(() -> CaseFileReader.read(huge)).hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void controlCharactersInNotesAreKeptButShownEscaped() throws Exception {
        String json = "{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":0,\"bookmarks\":[{\"position\":1,"
                + "\"note\":\"ok\\u001b[2Jgone\\u202Eevil\",\"time\":\"2026-01-01T00:00:00Z\",\"payloadSha256\":\"" + SHA + "\"}]}";
        Bookmark b = CaseFileReader.parse(json.getBytes(StandardCharsets.UTF_8)).bookmarks().get(0);
        assertThat(b.note()).contains("\u001b");
        assertThat(b.shownNote()).isEqualTo("ok\\u001B[2Jgone\\u202Eevil");
    }

    @Test
    void aRelativeFileSourceIsBesideTheCaseFile() throws Exception {
        Path file = Files.writeString(dir.resolve("rel.esc"), "{\"version\":1,\"source\":\"log.jsonl\",\"cursor\":3}");
        assertThat(CaseFileReader.read(file).source()).isEqualTo(dir.resolve("log.jsonl").toAbsolutePath().toString());
    }

    @Test
    void linksCarryTheSourceWithoutCredentialsAndThePosition() throws Exception {
        String link = CaseLink.format("memphis://ann:pw@mem.example:6666/orders", 1234);
        assertThat(link).isEqualTo("eventscope://open?source=memphis%3A%2F%2Fmem.example%3A6666%2Forders&position=1234");
        assertThat(CaseLink.parse(link)).isEqualTo(new CaseLink("memphis://mem.example:6666/orders", 1234));
    }

    @Test
    void tamperedLinksAreRefused() {
        assertThatThrownBy(() -> CaseLink.parse("eventscope://open?source=a.jsonl&position=1&write=1"))
                .hasMessageContaining("unknown or repeated part \"write\"");
        assertThatThrownBy(() -> CaseLink.parse("eventscope://open?source=a.jsonl&position=1&position=2"))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> CaseLink.parse("eventscope://open?source=a.jsonl&position=99999999999"))
                .hasMessageContaining("position");
        assertThatThrownBy(() -> CaseLink.parse("eventscope://open?source=ftp%3A%2F%2Fh%2Fx&position=1"))
                .hasMessageContaining("kind ftp://");
        assertThatThrownBy(() -> CaseLink.parse("eventscope://open?source=%ZZ&position=1")).hasMessageContaining("garbled");
        assertThatThrownBy(() -> CaseLink.parse("eventscope://run?cmd=x")).hasMessageContaining("not an Eventscope link");
    }

    @Test
    void bookmarksAreComparedWithTheEventsTheSourceHoldsNow() throws Exception {
        List<String> lines = List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"5\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"6\"}");
        Timeline t = Timelines.banking("acc", lines);
        String second = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(lines.get(1).getBytes(StandardCharsets.UTF_8)));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Bookmark same = new Bookmark(2, "", "", now, second);
        Bookmark different = new Bookmark(1, "", "", now, second);
        Bookmark gone = new Bookmark(9, "", "", now, second);
        assertThat(BookmarkCheck.of(same, t, 2)).isEqualTo(BookmarkCheck.Status.SAME);
        assertThat(BookmarkCheck.of(different, t, 2)).isEqualTo(BookmarkCheck.Status.DIFFERENT);
        assertThat(BookmarkCheck.of(gone, t, 2)).isEqualTo(BookmarkCheck.Status.MISSING);
        assertThat(BookmarkCheck.sentence(List.of(same, different, gone), List.of(BookmarkCheck.Status.SAME,
                BookmarkCheck.Status.DIFFERENT, BookmarkCheck.Status.MISSING)))
                .isEqualTo("1 bookmarked event is no longer in the source (#9); 1 bookmarked event now holds a "
                        + "different event (#1). The marks show which.");
    }
}
