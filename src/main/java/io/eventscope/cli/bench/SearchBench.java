package io.eventscope.cli.bench;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.search.SearchMatcher;
import io.eventscope.search.SearchQuery;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter bar's search over every loaded event, one pass per kind of term: free words (a scan of the
 * payload text), a column term (type), and payload terms read with the streaming pointer reader (a
 * top-level field, and a projection field whose value has to be compared as a decimal).
 */
final class SearchBench {
    /** Searches measured: figure key → text typed in the bar. */
    static final Map<String, String> SEARCHES = new LinkedHashMap<>();

    static {
        SEARCHES.put("search_words_ms", "acc-00042");
        SEARCHES.put("search_type_ms", "type=Deposit");
        SEARCHES.put("search_field_ms", "account=ACC-00042");
        SEARCHES.put("search_decimal_ms", "amount=100");
    }

    private SearchBench() {
    }

    /** Best milliseconds of {@code runs} passes over the whole timeline, per search. */
    static Map<String, Double> run(Timeline timeline, ProjectionSpec spec, int runs) throws Exception {
        Map<String, Double> ms = new LinkedHashMap<>();
        for (var e : SEARCHES.entrySet()) {
            SearchMatcher m = new SearchMatcher(SearchQuery.parse(e.getValue(), ZoneOffset.UTC), timeline, spec,
                    Masks.none());
            int[] found = new int[1];
            double seconds = Stopwatch.bestSeconds(runs, () -> {
                int n = 0;
                for (int i = 0; i < timeline.size(); i++) {
                    if (m.matches(i)) {
                        n++;
                    }
                }
                found[0] = n;
            });
            if (found[0] == 0) {
                throw new IllegalStateException("the bench search " + e.getValue() + " found nothing");
            }
            ms.put(e.getKey(), seconds * 1000);
        }
        return ms;
    }
}
