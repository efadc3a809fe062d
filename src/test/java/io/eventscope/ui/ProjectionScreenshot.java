package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Takes {@code projection-fields.png} only: the bundled sample replayed (File → Projection…) under a spec
 * with several decimal and text fields, the chart on "deposited". Run like {@link ScreenshotTool}.
 */
public final class ProjectionScreenshot {
    static final String SPEC = """
            {"name": "bank-audit",
             "fields": {"type": ["type"], "entity": ["account", "accountNumber"], "time": ["timestamp", "ts"]},
             "state": {"balance": "decimal", "deposited": "decimal", "withdrawn": "decimal",
                       "owner": "text", "city": "text"},
             "rules": [
               {"types": ["Deposit", "FundsDeposited"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                                  {"op": "add", "field": "amount", "to": "deposited"}]},
               {"types": ["Withdrawal", "FundsWithdrawn"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"},
                                                                     {"op": "add", "field": "amount", "to": "withdrawn"}]},
               {"types": ["Adjustment", "BalanceAdjusted"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]},
               {"types": ["AccountOpened"], "apply": [{"op": "set", "field": "owner", "to": "owner"}]},
               {"types": ["AddressChanged"], "apply": [{"op": "set", "field": "city", "to": "city"}]}
             ]}
            """;

    private ProjectionScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path spec = Files.writeString(Files.createTempFile("bank-audit", ".json"), SPEC);
        ScreenshotTool.Shot shot = ScreenshotTool.Shot.onSample();
        FxHarness ui = shot.ui();
        onFx(() -> ui.model.replay().goTo("12345"));
        ui.settle();
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the projection to switch", 60, () -> "bank-audit".equals(ui.model.session().session().spec().name()));
        ui.settle();
        onFx(() -> ui.model.chart().chosenFieldProperty().set("deposited"));
        ui.settle();
        ScreenshotTool.snap(fx(() -> shot.stage().getScene()), out.resolve("projection-fields.png"));
        Files.deleteIfExists(spec);
        ui.close();
        Platform.exit();
        System.exit(0);
    }
}
