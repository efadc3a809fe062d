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

    private static final String IBAN_1 = "DE89370400440532013000";
    private static final String IBAN_2 = "GB29NWBK60161331926819";
    private static final List<String> RAW = List.of(IBAN_1, IBAN_2, "Ada Lovelace", "Grace Hopper", "Lovelace", "Hopper");

    /** Everything the window's panels, dialogs and a saved case show, as one text to grep. */
    private String everyPanel(Path caseFile) throws Exception {
        StringBuilder all = new StringBuilder(tableText());
        fx(() -> {
            ui.model.state().allRows().forEach(r -> all.append('|').append(r.label()).append('|').append(r.texts()));
            ui.model.chart().seriesProperty().get().forEach(ser -> all.append('|').append(ser.label()));
            ui.model.violations().all().forEach(v -> all.append('|')
                    .append(io.eventscope.ui.violations.ViolationsViewModel.text(v)));
            all.append('|').append(ui.model.explain().titleProperty().get());
            ui.model.explain().steps().forEach(r -> all.append('|').append(r));
            all.append('|').append(ui.model.reconcile().summaryProperty().get());
            ui.model.reconcile().rows().forEach(r -> all.append('|').append(r));
            all.append('|').append(ui.window.detailView().json().getText());
            return null;
        });
        return all.append('|').append(Files.readString(caseFile)).toString();
    }

    @Test
    void everyPanelAndASavedCaseHideMaskedValuesAndASearchCannotFindThemUntilRevealed() throws Exception {
        Path log = Files.write(dir.resolve("ibans.jsonl"), List.of(
                "{\"type\":\"Deposit\",\"account\":\"" + IBAN_1 + "\",\"amount\":\"10\",\"customer\":{\"name\":\"Ada Lovelace\"}}",
                "{\"type\":\"Withdrawal\",\"account\":\"" + IBAN_2 + "\",\"amount\":\"50\",\"customer\":{\"name\":\"Grace Hopper\"}}"));
        Path spec = Files.writeString(dir.resolve("masking.json"), """
                {"name": "masking", "fields": {"type": "type", "entity": "account", "amount": "amount",
                                               "who": "/customer/name"},
                 "state": {"balance": "decimal", "owner": "text"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                             {"op": "set", "field": "who", "to": "owner"}]},
                           {"types": ["Withdrawal"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"},
                                                                {"op": "set", "field": "who", "to": "owner"}]}],
                 "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}],
                 "mask": ["account", "/customer/name"]}""");
        Path csv = Files.writeString(dir.resolve("ledger.csv"), "entity,balance\n" + IBAN_1 + ",11\n");
        ui.open(log.toString());
        ui.settle();
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the masking projection", 20, () -> "masking".equals(ui.model.session().session().spec().name()));
        ui.settle();
        onFx(() -> {
            ui.model.replay().moveTo(2);
            ui.model.state().selectedEntities().setAll(IBAN_1, IBAN_2);
            ui.model.explain().explain(IBAN_1);
            ui.model.reconcile().reconcile(csv);
        });
        waitUntil("every panel", 20, () -> ui.model.state().allRows().size() == 2
                && ui.model.chart().seriesProperty().get().size() == 2 && ui.model.violations().all().size() == 1
                && !ui.model.explain().steps().isEmpty() && !ui.model.reconcile().rows().isEmpty());
        Path saved = dir.resolve("masked.esc");
        onFx(() -> ui.model.cases().save(saved));
        waitUntil("the case file", 10, () -> Files.exists(saved));

        String shown = everyPanel(saved);
        assertThat(shown).contains(io.eventscope.replay.Masks.MARK).contains("no-overdraft");
        RAW.forEach(raw -> assertThat(shown).as("masked value " + raw).doesNotContain(raw));

        onFx(() -> ui.model.filter().textProperty().set("/customer/name=\"Ada Lovelace\""));
        onFx(() -> ui.model.filter().apply());
        waitUntil("the search", 10, () -> ui.model.table().shownSizeProperty().get() == 0);
        assertThat(fx(() -> ui.model.filter().problemProperty().get())).startsWith("\"/customer/name\" is masked");

        onFx(() -> ui.model.revealMasked());
        onFx(() -> ui.model.filter().apply());
        waitUntil("the search to find Ada once revealed", 10, () -> ui.model.table().shownSizeProperty().get() == 1);
        waitUntil("the state panel to show the ids", 10, () -> ui.model.state().allRows().stream()
                .anyMatch(r -> r.label().equals(IBAN_1) && "Ada Lovelace".equals(r.text("owner"))));
        waitUntil("the violations list to show the id", 10, () -> ui.model.violations().all().stream()
                .anyMatch(v -> v.entity().equals(IBAN_2)));
    }
}
