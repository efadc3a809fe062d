package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;

import io.eventscope.load.Sources;
import io.eventscope.ui.connect.ConnectDialog;
import io.eventscope.ui.connect.ConnectViewModel;
import io.eventscope.ui.connect.RecentConnections;
import io.eventscope.ui.connect.SourceKind;
import io.eventscope.ui.window.Themes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the README screenshots from the real window on a real display (run it under Xvfb):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp ... io.eventscope.ui.ScreenshotTool assets/screenshots}.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    /** The real window at the screen's top left, on the bundled sample, for a screenshot program. */
    record Shot(FxHarness ui, Stage stage) {
        static Shot onSample() {
            Shot shot = empty();
            shot.ui().open(Sources.BUNDLED_SAMPLE);
            shot.ui().settle();
            return shot;
        }

        /** The window with nothing open yet (JavaFX started here). */
        static Shot empty() {
            Platform.startup(() -> { });
            AtomicReference<Shot> ref = new AtomicReference<>();
            onFx(() -> {
                Stage stage = new Stage();
                ref.set(new Shot(new FxHarness(stage), stage));
                stage.setX(0);
                stage.setY(0);
            });
            return ref.get();
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Shot shot = Shot.onSample();
        FxHarness ui = shot.ui();
        Stage stage = shot.stage();

        // Main window: cursor in the middle of the history, three busiest accounts charted.
        onFx(() -> ui.model.replay().goTo("12345"));
        ui.settle();
        snap(stage.getScene(), out.resolve("main-light.png"));

        onFx(() -> ui.model.darkProperty().set(true));
        ui.settle();
        snap(stage.getScene(), out.resolve("main-dark.png"));
        onFx(() -> ui.model.darkProperty().set(false));

        // A flagged event: the row stands out, the detail says why and that replay skipped it.
        int flagged = fx(() -> {
            var t = ui.model.session().session().timeline();
            for (int i = 9_000; i < t.size(); i++) {
                if (t.isFlagged(i)) {
                    return i + 1;
                }
            }
            return 1;
        });
        onFx(() -> ui.model.replay().goTo(Integer.toString(flagged)));
        ui.settle();
        snap(stage.getScene(), out.resolve("flagged-event.png"));

        // The same window at 1024x768.
        onFx(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        ui.settle();
        sleep(500);
        snap(stage.getScene(), out.resolve("main-1024x768.png"));

        // The Connect dialog, filled in as a user would (the password shows masked).
        AtomicReference<ConnectDialog> dialog = new AtomicReference<>();
        Path recentFile = Files.createTempFile("recent", ".json");
        onFx(() -> {
            ConnectViewModel m = new ConnectViewModel(ui.runner, ui.model.session().spec(),
                    new RecentConnections(recentFile));
            m.kindProperty().set(SourceKind.MEMPHIS);
            m.hostProperty().set("ledger-prod.internal");
            m.userProperty().set("auditor");
            m.passwordProperty().set("correct horse");
            m.tlsProperty().set(true);
            m.caFileProperty().set("/etc/eventscope/ca.pem");
            m.nameProperty().set("bank.ledger");
            ConnectDialog d = new ConnectDialog(m, stage);
            Themes.apply(d.getDialogPane().getScene(), false);
            dialog.set(d);
            d.show();
        });
        sleep(1_500);
        snap(dialog.get().getDialogPane().getScene(), out.resolve("connect-dialog.png"));
        onFx(() -> dialog.get().close());
        Files.deleteIfExists(recentFile);
        ui.close();
        Platform.exit();
        System.exit(0);
    }

    static void snap(Scene scene, Path file) throws IOException {
        sleep(700); // let the last layout and chart draw reach the screen
        WritableImage image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
        System.out.println("wrote " + file + " (" + w + "x" + h + ")");
    }
}
