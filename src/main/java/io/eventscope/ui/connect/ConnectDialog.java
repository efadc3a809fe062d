package io.eventscope.ui.connect;

import io.eventscope.ui.fxml.Fxml;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
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
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Connect to a station, stream, topic or file; returns the source text to open. The layout is in
 * ConnectDialog.fxml; this class only binds it to the {@link ConnectViewModel}.
 */
public final class ConnectDialog extends Dialog<String> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType TEST = new ButtonType("Test connection", ButtonBar.ButtonData.LEFT);

    @FXML
    private ComboBox<ConnectionSpec> recent;
    @FXML
    private ComboBox<SourceKind> kind;
    @FXML
    private TextField host;
    @FXML
    private TextField port;
    @FXML
    private TextField user;
    @FXML
    private PasswordField password;
    @FXML
    private CheckBox tls;
    @FXML
    private TextField ca;
    @FXML
    private Button browseCa;
    @FXML
    private ComboBox<String> mechanism;
    @FXML
    private Label nameLabel;
    @FXML
    private TextField name;
    @FXML
    private Label result;
    private final ConnectViewModel model;

    public ConnectDialog(ConnectViewModel model, Window owner) {
        this.model = model;
        Fxml.load(this, getDialogPane());
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(TEST, CONNECT, ButtonType.CANCEL);

        recent.setItems(model.recent());
        recent.setPromptText(model.recent().isEmpty() ? "no recent connections" : "recent connections…");
        recent.setButtonCell(new RecentCell());
        recent.setCellFactory(l -> new RecentCell());
        recent.setOnAction(e -> model.use(recent.getValue()));
        kind.getItems().addAll(SourceKind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        port.promptTextProperty().bind(Bindings.createStringBinding(() -> model.kindProperty().get().remote()
                ? "default " + model.kindProperty().get().defaultPort() : "", model.kindProperty()));
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        tls.selectedProperty().bindBidirectional(model.tlsProperty());
        ca.textProperty().bindBidirectional(model.caFileProperty());
        name.textProperty().bindBidirectional(model.nameProperty());
        mechanism.getItems().addAll(model.mechanisms());
        mechanism.valueProperty().bindBidirectional(model.mechanismProperty());
        BooleanBinding kafka = Bindings.createBooleanBinding(() -> model.kindProperty().get() == SourceKind.KAFKA,
                model.kindProperty());
        mechanism.visibleProperty().bind(kafka);
        mechanism.managedProperty().bind(kafka);
        nameLabel.textProperty().bind(Bindings.createStringBinding(() -> model.kindProperty().get().nameLabel(),
                model.kindProperty()));

        BooleanBinding remote = Bindings.createBooleanBinding(() -> model.kindProperty().get().remote(),
                model.kindProperty());
        for (Node n : new Node[] {host, port, user, password, tls}) {
            n.disableProperty().bind(remote.not());
        }
        ca.disableProperty().bind(remote.not().or(tls.selectedProperty().not()));
        browseCa.disableProperty().bind(ca.disableProperty());

        result.textProperty().bind(model.testResultProperty());
        model.testOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "test-ok" : "test-failed"));
        bindButtons();
    }

    private void bindButtons() {
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

    @FXML
    private void browseCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CA certificate");
        var f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (f != null) {
            model.caFileProperty().set(f.getAbsolutePath());
        }
    }

    private static final class RecentCell extends ListCell<ConnectionSpec> {
        @Override
        protected void updateItem(ConnectionSpec c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : c.label());
        }
    }
}
