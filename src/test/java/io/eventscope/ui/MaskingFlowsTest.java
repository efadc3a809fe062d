package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A projection that masks the customer's name and account: the table and the detail hide them until revealed. */
@ExtendWith(ApplicationExtension.class)
class MaskingFlowsTest {
    @TempDir
    Path dir;
    private FxHarness ui;

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private String tableText() {
        return fx(() -> ui.window.table().lookupAll(".table-cell").stream().filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).collect(Collectors.joining("|")));
    }

    @Test
    void maskedValuesShowAsMaskedInTheTableAndDetailUntilRevealed() throws Exception {
        Path log = Files.write(dir.resolve("customers.jsonl"), List.of(
                "{\"type\":\"Deposit\",\"account\":\"DE89370400440532013000\",\"amount\":\"10\",\"customer\":{\"name\":\"Ada Lovelace\"}}",
                "{\"type\":\"Deposit\",\"account\":\"GB29NWBK60161331926819\",\"amount\":\"5\",\"customer\":{\"name\":\"Grace Hopper\"}}"));
        Path spec = Files.writeString(dir.resolve("masking.json"), """
                {"name": "masking", "fields": {"type": "type", "entity": "account", "amount": "amount"},
                 "state": {"balance": "decimal"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]}],
                 "mask": ["account", "/customer/name"]}""");
        ui.open(log.toString());
        ui.settle();
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the masking projection", 20, () -> "masking".equals(ui.model.session().session().spec().name()));
        ui.settle();
        onFx(() -> ui.model.replay().moveTo(1));
        waitUntil("the table to mask the account", 10, () -> tableText().contains("•••• "));
        assertThat(tableText()).doesNotContain("DE89370400440532013000").contains("|10|");
        waitUntil("the detail of the first event", 10, () -> fx(() -> ui.window.detailView().json().getText()).contains("amount"));
        String detail = fx(() -> ui.window.detailView().json().getText());
        assertThat(detail).contains("•••• (masked)").doesNotContain("Ada Lovelace").doesNotContain("DE8937");

        onFx(() -> ui.model.revealMasked());
        waitUntil("the table to show the account", 10, () -> tableText().contains("DE89370400440532013000"));
        waitUntil("the detail to show the name", 10,
                () -> fx(() -> ui.window.detailView().json().getText()).contains("Ada Lovelace"));
    }
}
