package io.eventscope.ui.detail;

import io.eventscope.event.Event;
import io.eventscope.replay.ChangeText;
import io.eventscope.replay.EventChange;
import io.eventscope.replay.Masks;
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
        Masks masks = s.masks();
        facts.put("Type", e.type() == null ? "—" : masks.type(e.type()));
        facts.put("Entity", masks.entity(e.entity()));
        e.numbers().forEach((k, v) -> facts.put(ChangeText.label(k), masks.field(k, Formats.money(v))));
        List<String> flags = e.flags().stream().map(masks::reason).toList();
        EventChange c = s.engine().changeAt(position);
        List<ChangeText.FieldChange> fields = ChangeText.fields(c);
        if (fields.size() < 2) {
            fields = List.of(); // one field: the sentence says it all
        }
        String change = fields.isEmpty() ? masked(masks, ChangeText.of(c), c) : masks.entity(c.entity())
                + ", every state field:";
        fields = fields.stream().map(f -> masks.masksField(f.field()) ? new ChangeText.FieldChange(f.field(),
                masks.value(f.before()), masks.value(f.after()), f.changed()) : f).toList();
        return new EventDetail(position, PrettyJson.of(masks.payload(e.payload())), facts, masks.headers(e.headers()),
                flags, change, fields);
    }

    /** The one-line change: it names the entity and may quote a masked text value. */
    private static String masked(Masks masks, String sentence, EventChange c) {
        if (!masks.active() || c == null) {
            return sentence;
        }
        boolean quotesMasked = c.after() != null && c.after().texts().keySet().stream().anyMatch(masks::masksField);
        return quotesMasked ? masks.entity(c.entity()) + ": " + Masks.MARK
                : sentence.replace(c.entity(), masks.entity(c.entity()));
    }

    /** Describes the event at the cursor again (its session's masks were revealed). */
    public void reload() {
        request(wanted);
    }
}
