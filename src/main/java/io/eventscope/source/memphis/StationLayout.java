package io.eventscope.source.memphis;

import io.eventscope.source.jetstream.StreamRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which streams hold a station: {@code <internal>$1..$P} since Memphis 1.2 (also for one partition), or
 * the single legacy stream {@code <internal>}. Found by matching stream names, so the user never needs to
 * know which kind a station is.
 */
public record StationLayout(StationName station, List<String> streams, boolean legacy) {

    /** The layout among {@code streamNames}, or null when the station has no stream there. */
    public static StationLayout find(StationName station, List<String> streamNames) {
        Pattern p = Pattern.compile("^" + Pattern.quote(station.internal()) + "(?:\\$(\\d+))?$");
        TreeMap<Integer, String> partitions = new TreeMap<>();
        boolean legacy = false;
        for (String name : streamNames) {
            Matcher m = p.matcher(name);
            if (m.matches()) {
                if (m.group(1) == null) {
                    legacy = true;
                } else {
                    partitions.put(Integer.parseInt(m.group(1)), name);
                }
            }
        }
        if (!partitions.isEmpty()) {
            return new StationLayout(station, List.copyOf(partitions.values()), false);
        }
        return legacy ? new StationLayout(station, List.of(station.internal()), true) : null;
    }

    public int partitions() {
        return streams.size();
    }

    /** Streams to read: each filtered on its {@code .final} subject; labelled only when there are several. */
    public List<StreamRef> refs() {
        List<StreamRef> refs = new ArrayList<>();
        for (String s : streams) {
            refs.add(new StreamRef(s, StationName.finalSubject(s), streams.size() > 1 ? s : null));
        }
        return refs;
    }

    /**
     * Station names (display form) among stream names, for "stations there: ..." messages: only names a
     * memphis:// URI opens. A plain JetStream stream such as {@code AUTHS} (upper case, so no station
     * name finds it) is left to the list of streams, which nats:// opens.
     */
    public static List<String> stationNames(List<String> streamNames) {
        Set<String> out = new TreeSet<>();
        for (String name : streamNames) {
            if (name.startsWith("$memphis") || name.startsWith("KV_") || name.startsWith("OBJ_")) {
                continue; // Memphis' own system streams and NATS key-value/object stores
            }
            String display = name.replaceFirst("\\$\\d+$", "").replace('#', '.');
            if (find(StationName.of(display), streamNames) != null) {
                out.add(display);
            }
        }
        return List.copyOf(out);
    }
}
