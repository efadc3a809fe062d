package io.eventscope.ui.fxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;

/**
 * Loads the static layout of a view from the {@code .fxml} file beside its class, with the same base
 * name (JabRef style). The view object is both the FXML root ({@code fx:root}) and its controller, so
 * the declared nodes arrive in its {@code @FXML} fields and the class only binds them.
 */
public final class Fxml {
    private Fxml() {
    }

    public static <T> T load(T view) {
        load(view, view);
        return view;
    }

    /**
     * As {@link #load(Object)} for a view whose root is a part of it (a dialog's {@code DialogPane}): the
     * file is named after {@code controller}'s class and declares {@code root} with {@code fx:root}.
     */
    public static void load(Object controller, Object root) {
        Class<?> type = controller.getClass();
        URL url = type.getResource(type.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(root);
        loader.setController(controller);
        // The FX thread's context class loader is not always the application's (Platform.startup).
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }
}
