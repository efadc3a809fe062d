package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;
import static io.eventscope.ui.FxHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Takes {@code window-offer.png} only: the bundled sample opened under a 2 MiB memory budget, which its
 * size clearly exceeds, so the window offers a held window before reading anything. Run like
 * {@link HeldWindowScreenshot} (with {@code -Xmx512m}, for the same reason).
 */
public final class PreloadOfferScreenshot {
    private PreloadOfferScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        ScreenshotTool.Shot shot = ScreenshotTool.Shot.empty();
        FxHarness ui = shot.ui();
        onFx(() -> ui.model.session().access().setMemoryBudgetBytes(2L << 20));
        onFx(() -> ui.window.open("assets/samples/bank-demo.jsonl"));
        waitUntil("the offer", 30, () -> fx(() -> ui.model.heldWindow().offerProperty().get() != null));
        sleep(800);
        ScreenshotTool.snap(shot.stage().getScene(), out.resolve("window-offer.png"));
        ui.close();
        Platform.exit();
        System.exit(0);
    }
}
