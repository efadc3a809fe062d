package io.eventscope.ui.detail;

import io.eventscope.event.Event;
import io.eventscope.event.Flag;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.EventChange;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The event at the cursor, materialised with its state change; newest request wins while scrubbing. */
public final class DetailViewModel {
    private record Query(Session session, int position, java.time.ZoneId zone) {
    }

    private final SessionViewModel session;
    private final ObjectProperty<EventDetail> detail = new SimpleObjectProperty<>();
    private final LatestWins<Query, EventDetail> loader;
    private int wanted;
    private final TimeDisplay times;

    public DetailViewModel(SessionViewModel session, IntegerProperty position, TimeDisplay times, TaskRunner runner) {
        this.session = session;
        this.times = times;
        loader = new LatestWins<>(runner, q -> describe(q.session(), q.position(), q.zone()), this::show,
                session::showError);
        position.addListener((o, a, p) -> request(p.intValue()));
        times.zoneProperty().addListener((o, a, z) -> request(wanted));
        session.sessionProperty().addListener((o, a, n) -> detail.set(null));
    }

    public ObjectProperty<EventDetail> detailProperty() {
        return detail;
    }

    private void request(int position) {
        wanted = position;
        Session s = session.session();
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
        e.numbers().forEach((k, v) -> facts.put(capitalise(k), Formats.money(v)));
        List<String> flags = e.flags().stream().map(Flag::reason).toList();
        EventChange change = s.engine().changeAt(position);
        return new EventDetail(position, PrettyJson.of(e.payload()), facts, e.headers(), flags, describe(change));
    }

    static String describe(EventChange c) {
        if (!c.applied()) {
            return "Not applied: replay skips flagged events (" + c.entity() + " unchanged).";
        }
        EntityState before = c.before();
        EntityState after = c.after();
        if (after == null) {
            return "No effect on " + c.entity() + ".";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, BigDecimal> f : after.decimals().entrySet()) {
            BigDecimal was = before == null ? BigDecimal.ZERO : before.decimals().getOrDefault(f.getKey(), BigDecimal.ZERO);
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(c.entity()).append(' ').append(f.getKey()).append(": ")
                    .append(Formats.money(was)).append(" → ").append(Formats.money(f.getValue()));
            if (was.compareTo(f.getValue()) == 0) {
                out.append("  (no effect)");
            }
        }
        for (Map.Entry<String, String> t : after.texts().entrySet()) {
            String was = before == null ? null : before.texts().get(t.getKey());
            if (!java.util.Objects.equals(was, t.getValue())) {
                out.append('\n').append(c.entity()).append(' ').append(t.getKey()).append(": ")
                        .append(was == null ? "—" : was).append(" → ").append(t.getValue());
            }
        }
        return out.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
