package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;

import io.eventscope.casefile.Bookmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes {@code bookmarks.png} only: the bundled sample with four bookmarks (flags under the slider, lines
 * over the chart, the Bookmarks list), as a reopened case shows them when the source now holds a different
 * event at one of them. Run like {@link ScreenshotTool}.
 */
public final class BookmarksScreenshot {
    private BookmarksScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        ScreenshotTool.Shot shot = ScreenshotTool.Shot.onSample();
        FxHarness ui = shot.ui();
        Stage stage = shot.stage();
        int size = fx(() -> ui.model.session().size());
        String[][] marks = {{"0.22", "First large deposit on ACC-00017: ask the branch"},
            {"0.41", "Refund went out twice? see ticket OPS-2291"}, {"0.63", "Balance negative from here"},
            {"0.8", "Customer called about this withdrawal"}};
        for (String[] m : marks) {
            onFx(() -> {
                ui.model.replay().moveTo((int) (size * Double.parseDouble(m[0])));
                ui.model.bookmarks().addAtCursor(m[1], "ann.auditor");
            });
        }
        // As a reopened case shows it when the source now holds a different event at the third bookmark.
        onFx(() -> {
            List<Bookmark> saved = new ArrayList<>(ui.model.bookmarks().bookmarks());
            saved.set(2, new Bookmark(saved.get(2).position(), saved.get(2).note(), saved.get(2).author(),
                    saved.get(2).time(), "0".repeat(64)));
            ui.model.bookmarks().restore(saved);
            ui.model.replay().moveTo(saved.get(1).position());
            ui.model.session().errorProperty().set(ui.model.bookmarks().restore(saved));
        });
        onFx(() -> {
            ui.window.splitPanes().get("split.state-violations").setDividerPositions(0.42); // room for the list
            ui.window.splitPanes().get("split.main").setDividerPositions(0.56);
        });
        ui.settle();
        sleep(800);
        ScreenshotTool.snap(stage.getScene(), out.resolve("bookmarks.png"));
        ui.close();
        Platform.exit();
        System.exit(0);
    }
}
