package io.eventscope.source.memphis;

import io.eventscope.source.jetstream.MessageChecks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers Memphis producers set, as named fields, and the user's own headers apart from them.
 *
 * @param producer     {@code $memphis_producedBy} ({@code $memphis_dls} for a dead-letter resend), or null
 * @param connectionId {@code $memphis_connectionId}, or null
 * @param messageId    {@code msg-id} (Memphis' dedup id), or null
 * @param user         every other header, in order
 */
public record MemphisHeaders(String producer, String connectionId, String messageId, Map<String, String> user) {

    public static MemphisHeaders of(Map<String, String> headers) {
        Map<String, String> user = new LinkedHashMap<>(headers);
        String producer = user.remove(MessageChecks.PRODUCED_BY);
        String connection = user.remove(MessageChecks.CONNECTION_ID);
        String id = user.remove(MessageChecks.MESSAGE_ID);
        return new MemphisHeaders(producer, connection, id, java.util.Collections.unmodifiableMap(user));
    }

    public boolean deadLetterResend() {
        return MessageChecks.DEAD_LETTER_PRODUCER.equals(producer);
    }

    public boolean isEmpty() {
        return producer == null && connectionId == null && messageId == null;
    }
}
