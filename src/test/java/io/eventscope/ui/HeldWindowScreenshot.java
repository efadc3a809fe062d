package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;
import static io.eventscope.ui.FxHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Takes {@code window.png} only: the bundled sample opened under a 2 MiB memory budget and the offered
 * held window accepted (its extent under the slider, the chart's "carried in" note). Run like
 * {@link ScreenshotTool}, with {@code -Xmx512m}: on a large heap a payload chunk (a G1 region) alone
 * outgrows a 2 MiB budget, and nothing would fit to offer a window of.
 */
public final class HeldWindowScreenshot {
    private HeldWindowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        ScreenshotTool.Shot shot = ScreenshotTool.Shot.empty();
        FxHarness ui = shot.ui();
        onFx(() -> ui.model.session().access().setMemoryBudgetBytes(2L << 20));
        onFx(() -> ui.window.open("assets/samples/bank-demo.jsonl")); // offered before loading: nothing opens yet
        waitUntil("the offer", 30, () -> fx(() -> ui.model.heldWindow().offerProperty().get() != null));
        onFx(() -> ui.model.heldWindow().loadLast());
        waitUntil("the held window", 60, () -> fx(() -> !ui.model.heldWindow().extentProperty().get().isEmpty()));
        ui.settle();
        onFx(() -> ui.model.replay().moveTo(fx(() -> ui.model.session().size()) / 3));
        ui.settle();
        sleep(800);
        ScreenshotTool.snap(shot.stage().getScene(), out.resolve("window.png"));
        ui.close();
        Platform.exit();
        System.exit(0);
    }
}
