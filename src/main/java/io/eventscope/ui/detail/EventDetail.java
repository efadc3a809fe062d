package io.eventscope.ui.detail;

import io.eventscope.replay.ChangeText;
import java.util.List;
import java.util.Map;

/**
 * Everything the detail pane shows for one event, computed off the FX thread.
 *
 * @param facts   label → value lines (position, coordinates, times, type, entity, amount)
 * @param flags   reasons the event is not trusted; empty when it is fine
 * @param change  what replay did with it, e.g. "balance 1,200.00 → 1,300.00"; with several state fields
 *                only whose state it is, and {@code fields} holds each field
 * @param fields  every state field before → after when the projection has several; else empty
 */
public record EventDetail(int position, String json, Map<String, String> facts, Map<String, String> headers,
                          List<String> flags, String change, List<ChangeText.FieldChange> fields) {
}
