package io.eventscope.ui.detail;

import io.eventscope.event.Event;
import io.eventscope.event.Flag;
import io.eventscope.replay.ChangeText;
import io.eventscope.replay.EventChange;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The event at the cursor, materialised with its state change; newest request wins while scrubbing. */
public final class DetailViewModel {
    private record Query(Session session, int position, java.time.ZoneId zone) {
    }

    private final SessionFeed session;
    private final ObjectProperty<EventDetail> detail = new SimpleObjectProperty<>();
    private final LatestWins<Query, EventDetail> loader;
    private int wanted;
    private final TimeDisplay times;

    public DetailViewModel(SessionViewModel session, ObservableIntegerValue position, TimeDisplay times,
                           TaskRunner runner) {
        this(SessionFeed.of(session), position, times, runner);
    }

    public DetailViewModel(SessionFeed session, ObservableIntegerValue position, TimeDisplay times, TaskRunner runner) {
        this.session = session;
        this.times = times;
        loader = new LatestWins<>(runner, q -> describe(q.session(), q.position(), q.zone()), this::show,
                session.errors());
        position.addListener((o, a, p) -> request(p.intValue()));
        times.zoneProperty().addListener((o, a, z) -> request(wanted));
        session.session().addListener((o, a, n) -> detail.set(null));
    }

    public ObjectProperty<EventDetail> detailProperty() {
        return detail;
    }

    private void request(int position) {
        wanted = position;
        Session s = session.current();
        if (s == null || position < 1) {
            detail.set(null);
            return;
        }
        loader.request(new Query(s, position, times.zoneProperty().get()));
    }

    private void show(EventDetail d) {
        if (d == null || d.position() != wanted) {
            return; // an older request finished after the cursor moved on
        }
        detail.set(d);
    }

    static EventDetail describe(Session s, int position, java.time.ZoneId zone) {
        java.time.format.DateTimeFormatter times = TimeDisplay.fullFormatter(zone);
        if (position < 1 || position > s.timeline().size()) {
            return null;
        }
        Event e = s.timeline().event(position);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Position", "#" + Formats.count(position));
        facts.put("Source", e.coordinates().toString());
        facts.put("Event time", e.eventTime() == null ? "—" : times.format(e.eventTime()));
        if (e.brokerTime() != null) {
            facts.put("Broker time", times.format(e.brokerTime()));
        }
        facts.put("Type", e.type() == null ? "—" : e.type());
        facts.put("Entity", e.entity());
        e.numbers().forEach((k, v) -> facts.put(ChangeText.label(k), Formats.money(v)));
        List<String> flags = e.flags().stream().map(Flag::reason).toList();
        EventChange c = s.engine().changeAt(position);
        List<ChangeText.FieldChange> fields = ChangeText.fields(c);
        if (fields.size() < 2) {
            fields = List.of(); // one field: the sentence says it all
        }
        String change = fields.isEmpty() ? ChangeText.of(c) : c.entity() + ", every state field:";
        return new EventDetail(position, PrettyJson.of(e.payload()), facts, e.headers(), flags, change, fields);
    }
}
