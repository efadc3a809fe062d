package io.eventscope.ui.filter;

import io.eventscope.event.Timeline;
import io.eventscope.ui.session.SessionViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The event types and entity ids of the opened source, for the type picker and the entity filter's
 * completion. Types are few and kept as a sorted list on the FX thread; entity ids can be millions, so
 * they are only searched on request (from the completion's own thread: the timeline's names are safe
 * to read on any thread).
 */
public final class KnownNames {
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private volatile Timeline timeline;
    private int typesSeen;

    public KnownNames(SessionViewModel session) {
        session.sessionProperty().addListener((o, a, s) -> {
            timeline = s == null ? null : s.timeline();
            typesSeen = -1;
            refreshTypes();
        });
        session.sizeProperty().addListener((o, a, n) -> refreshTypes());
    }

    private void refreshTypes() {
        Timeline t = timeline;
        int n = t == null ? 0 : t.typeCount();
        if (n == typesSeen) {
            return; // new events, no new type: the common case while loading
        }
        typesSeen = n;
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(t.typeName(i));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(String::compareTo));
        types.setAll(names);
    }

    /** Every type seen so far, sorted case-insensitively. */
    public ObservableList<String> types() {
        return types;
    }

    /** Up to {@code limit} entity ids containing {@code typed} (any case), sorted; any thread. */
    public List<String> entitiesContaining(String typed, int limit) {
        Timeline t = timeline;
        String needle = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (t == null || needle.isEmpty()) {
            return out;
        }
        int n = t.entityCount();
        for (int i = 0; i < n && out.size() < limit; i++) {
            String name = t.entityName(i);
            if (name.toLowerCase(Locale.ROOT).contains(needle)) {
                out.add(name);
            }
        }
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }
}
