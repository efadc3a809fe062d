package io.eventscope.casefile;

import java.util.List;

/** The filter bar as saved: free text, event types, entity, time range and "flagged only". */
public record CaseFilters(String text, List<String> types, String entity, String from, String to, boolean flaggedOnly) {
    public static final CaseFilters NONE = new CaseFilters("", List.of(), "", "", "", false);

    public CaseFilters {
        types = List.copyOf(types);
    }
}
