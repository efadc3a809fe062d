package io.eventscope.cli.bench;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.search.SearchMatcher;
import io.eventscope.search.SearchQuery;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter bar's search over every loaded event, one pass per kind of term: free words (a scan of the
 * payload text), a column term (type), and payload terms read with the streaming pointer reader (a
 * top-level field, and a projection field whose value has to be compared as a decimal).
 */
final class SearchBench {
    /** Searches measured: figure key → what the report calls it. */
    static final Map<String, String> SEARCHES = new LinkedHashMap<>();

    static {
        SEARCHES.put("search_words_ms", "search: an entity id as words");
        SEARCHES.put("search_type_ms", "search: type=T");
        SEARCHES.put("search_field_ms", "search: account=ID (payload field)");
        SEARCHES.put("search_decimal_ms", "search: amount=N (decimal)");
    }

    private SearchBench() {
    }

    /** Best milliseconds of {@code runs} passes over the whole timeline, per search (values of its middle event). */
    static Map<String, Double> run(Timeline timeline, ProjectionSpec spec, int runs) throws Exception {
        int mid = timeline.size() / 2;
        String entity = timeline.entityName(timeline.entityIdAt(mid));
        int amounts = timeline.numericFieldIndex("amount");
        String amount = amounts >= 0 && timeline.numbers(amounts).isPresent(mid)
                ? timeline.numbers(amounts).get(mid).toPlainString() : "10";
        List<String> texts = List.of(entity.toLowerCase(java.util.Locale.ROOT),
                "type=" + timeline.typeName(timeline.typeIdAt(mid)), "account=" + entity, "amount=" + amount);
        Map<String, Double> ms = new LinkedHashMap<>();
        int k = 0;
        for (String key : SEARCHES.keySet()) {
            SearchMatcher m = new SearchMatcher(SearchQuery.parse(texts.get(k++), ZoneOffset.UTC), timeline, spec,
                    Masks.none());
            double seconds = Stopwatch.bestSeconds(runs, () -> {
                int found = 0;
                for (int i = 0; i < timeline.size(); i++) {
                    if (m.matches(i)) {
                        found++;
                    }
                }
                if (found == 0) { // the middle event matches each search: none found would be a broken search
                    throw new IllegalStateException("the bench search found nothing");
                }
            });
            ms.put(key, seconds * 1000);
        }
        return ms;
    }
}
