package io.eventscope.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Connect to a station, stream, topic or file; returns the source text to open. Binds only. */
public final class ConnectDialog extends Dialog<String> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType TEST = new ButtonType("Test connection", ButtonBar.ButtonData.LEFT);

    public ConnectDialog(ConnectViewModel model, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect");
        setHeaderText("Open a station, stream, topic or file (read-only)");
        setResizable(true);
        getDialogPane().getStyleClass().add("connect-dialog");
        getDialogPane().getButtonTypes().addAll(TEST, CONNECT, ButtonType.CANCEL);

        ComboBox<ConnectionSpec> recent = new ComboBox<>(model.recent());
        recent.setId("connectRecent");
        recent.setPromptText(model.recent().isEmpty() ? "no recent connections" : "recent connections…");
        recent.setButtonCell(new RecentCell());
        recent.setCellFactory(l -> new RecentCell());
        recent.setOnAction(e -> model.use(recent.getValue()));
        recent.setMaxWidth(Double.MAX_VALUE);

        ComboBox<SourceKind> kind = new ComboBox<>();
        kind.setId("connectKind");
        kind.getItems().addAll(SourceKind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField host = field("connectHost", "host name or address", model.hostProperty());
        TextField port = field("connectPort", "default", model.portProperty());
        port.promptTextProperty().bind(Bindings.createStringBinding(() -> model.kindProperty().get().remote()
                ? "default " + model.kindProperty().get().defaultPort() : "", model.kindProperty()));
        port.setPrefColumnCount(8);
        TextField user = field("connectUser", "optional", model.userProperty());
        PasswordField password = new PasswordField();
        password.setId("connectPassword");
        password.setPromptText("optional; never saved");
        password.textProperty().bindBidirectional(model.passwordProperty());
        CheckBox tls = new CheckBox("TLS");
        tls.setId("connectTls");
        tls.selectedProperty().bindBidirectional(model.tlsProperty());
        TextField ca = field("connectCa", "CA certificate (PEM), optional", model.caFileProperty());
        Button browseCa = new Button("Browse…");
        browseCa.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificate");
            var f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                model.caFileProperty().set(f.getAbsolutePath());
            }
        });
        TextField name = field("connectName", "e.g. bank.ledger", model.nameProperty());
        Label nameLabel = new Label();
        nameLabel.textProperty().bind(Bindings.createStringBinding(() -> model.kindProperty().get().nameLabel(),
                model.kindProperty()));

        var remote = Bindings.createBooleanBinding(() -> model.kindProperty().get().remote(), model.kindProperty());
        for (var n : new javafx.scene.Node[] {host, port, user, password, tls}) {
            n.disableProperty().bind(remote.not());
        }
        ca.disableProperty().bind(remote.not().or(tls.selectedProperty().not()));
        browseCa.disableProperty().bind(ca.disableProperty());

        Label result = new Label();
        result.setId("connectResult");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        model.testOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "test-ok" : "test-failed"));
        result.getStyleClass().setAll("label", "test-ok");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        int r = 0;
        grid.addRow(r++, new Label("Recent"), recent);
        grid.addRow(r++, new Label("Kind"), kind);
        HBox hostPort = new HBox(6, host, new Label("Port"), port);
        hostPort.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        grid.addRow(r++, new Label("Host"), hostPort);
        grid.addRow(r++, new Label("User"), user);
        grid.addRow(r++, new Label("Password"), password);
        HBox caRow = new HBox(6, tls, ca, browseCa);
        caRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(ca, Priority.ALWAYS);
        grid.addRow(r++, new Label("Security"), caRow);
        grid.addRow(r++, nameLabel, name);
        grid.add(result, 0, r, 2, 1);
        GridPane.setHgrow(recent, Priority.ALWAYS);
        grid.setPrefWidth(520);
        getDialogPane().setContent(grid);

        Button test = (Button) getDialogPane().lookupButton(TEST);
        test.setId("connectTest");
        test.disableProperty().bind(model.testingProperty());
        test.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // testing keeps the dialog open
            model.testConnection();
        });
        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId("connectConnect");
        connect.addEventFilter(ActionEvent.ACTION, e -> {
            if (model.sourceText() == null) {
                e.consume(); // incomplete: the reason is shown, the dialog stays
            }
        });
        setResultConverter(button -> {
            if (button != CONNECT) {
                return null;
            }
            String text = model.sourceText();
            if (text != null) {
                model.remember();
            }
            return text;
        });
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static final class RecentCell extends ListCell<ConnectionSpec> {
        @Override
        protected void updateItem(ConnectionSpec c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : c.label());
        }
    }
}
