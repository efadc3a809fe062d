package io.eventscope.ui.bookmark;

import static io.eventscope.ui.task.FxThread.call;
import static io.eventscope.ui.task.FxThread.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.casefile.Bookmark;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.MultiFieldBank;
import io.eventscope.ui.MainViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookmarks without a window: one per position, the event's payload hash, kept across a projection switch. */
class BookmarksViewModelTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"10\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"20\"}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"3\"}");
    @TempDir
    Path dir;
    private MainViewModel model;

    @AfterEach
    void close() {
        if (model != null) {
            run(model::dispose);
        }
    }

    private BookmarksViewModel given() throws Exception {
        Path log = Files.write(dir.resolve("b.jsonl"), LOG);
        run(() -> {
            model = new MainViewModel(new CurrentThreadTaskRunner(), ProjectionSpecReader.banking(), ZoneOffset.UTC);
            model.open(log.toString());
        });
        return model.bookmarks();
    }

    @Test
    void aBookmarkRecordsTheCursorsEventByItsPayloadHash() throws Exception {
        BookmarksViewModel marks = given();
        run(() -> {
            model.replay().moveTo(2);
            marks.addAtCursor("look", "  ann ");
        });
        Bookmark b = call(() -> marks.bookmarks().get(0));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(LOG.get(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(b.position()).isEqualTo(2);
        assertThat(b.payloadSha256()).isEqualTo(expected);
        assertThat(b.author()).isEqualTo("ann");
        assertThat(call(() -> marks.authorProperty().get())).isEqualTo("ann");
    }

    @Test
    void oneBookmarkPerPositionInPositionOrderAndNoneBeforeTheFirstEvent() throws Exception {
        BookmarksViewModel marks = given();
        run(() -> {
            model.replay().moveTo(3);
            marks.addAtCursor("late", "ann");
            model.replay().moveTo(1);
            marks.addAtCursor("early", "ann");
            model.replay().moveTo(3);
            marks.addAtCursor("late, re-noted", "bob");
            model.replay().moveTo(0);
        });
        assertThat(call(() -> marks.cannotAdd())).contains("Move the cursor onto an event");
        assertThat(call(() -> marks.bookmarks().stream().map(Bookmark::note).toList()))
                .containsExactly("early", "late, re-noted");
        run(() -> marks.delete(marks.bookmarks().get(0)));
        run(() -> marks.goTo(marks.bookmarks().get(0)));
        assertThat(call(() -> model.replay().cursor())).isEqualTo(3);
    }

    @Test
    void aProjectionSwitchKeepsTheBookmarksAnotherSourceDropsThem() throws Exception {
        BookmarksViewModel marks = given();
        run(() -> {
            model.replay().moveTo(2);
            marks.addAtCursor("keep", "ann");
        });
        Path spec = MultiFieldBank.file(dir);
        run(() -> model.useProjection(spec));
        assertThat(call(() -> model.session().spec().name())).isEqualTo("bank-multi");
        assertThat(call(() -> marks.bookmarks().size())).isEqualTo(1);

        Path other = Files.write(dir.resolve("other.jsonl"), LOG.subList(0, 1));
        run(() -> model.open(other.toString()));
        assertThat(call(() -> marks.bookmarks())).isEmpty();
    }
}
