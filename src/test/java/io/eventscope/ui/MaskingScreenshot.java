package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;
import static io.eventscope.ui.FxHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes {@code masking.png} only: a log of customers with IBANs (the entity) and names under a spec that
 * masks both: the table, detail, state panel, chart legend and a search with terms show them masked.
 * Run like {@link ScreenshotTool}.
 */
public final class MaskingScreenshot {
    private static final String[][] CUSTOMERS = {{"DE89370400440532013000", "Ada Lovelace"},
        {"GB29NWBK60161331926819", "Grace Hopper"}, {"FR1420041010050500013M02606", "Katherine Johnson"},
        {"NL91ABNA0417164300", "Margaret Hamilton"}};

    private MaskingScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("eventscope-masking");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String[] c = CUSTOMERS[i * 7 % CUSTOMERS.length];
            String type = i < CUSTOMERS.length ? "Deposit" : i % 3 == 0 ? "Withdrawal" : "Deposit";
            String amount = i < CUSTOMERS.length ? "500.00" : (10 + i * 37 % 190) + "." + (i * 13 % 90 + 10);
            lines.add("{\"type\":\"" + type + "\",\"account\":\"" + c[0] + "\",\"amount\":" + amount
                    + ",\"timestamp\":\"2024-03-01T" + String.format("%02d:%02d:00Z", 8 + i / 20, i * 3 % 60)
                    + "\",\"customer\":{\"name\":\"" + c[1] + "\",\"iban\":\"" + c[0] + "\"}}");
        }
        Path log = Files.write(dir.resolve("customers.jsonl"), lines);
        Path spec = Files.writeString(dir.resolve("masked-banking.json"), """
                {"name": "masked-banking", "fields": {"type": "type", "entity": "account", "amount": "amount",
                                                      "time": "timestamp", "who": "/customer/name"},
                 "state": {"balance": "decimal", "owner": "text"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                             {"op": "set", "field": "who", "to": "owner"}]},
                           {"types": ["Withdrawal"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"}]}],
                 "mask": ["account", "/customer"]}""");
        ScreenshotTool.Shot shot = ScreenshotTool.Shot.onSample();
        FxHarness ui = shot.ui();
        Stage stage = shot.stage();
        ui.open(log.toString());
        ui.settle();
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the masking projection", 30, () -> "masked-banking".equals(ui.model.session().spec().name()));
        ui.settle();
        onFx(() -> {
            ui.model.filter().textProperty().set("type=Withdrawal time:2024-03-01T09:00..2024-03-01T11:00");
            ui.model.filter().apply();
            ui.model.replay().moveTo(64);
        });
        ui.settle();
        sleep(800);
        ScreenshotTool.snap(stage.getScene(), out.resolve("masking.png"));
        ui.close();
        Platform.exit();
        System.exit(0);
    }
}
