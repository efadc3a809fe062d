package io.eventscope.source.jetstream;

import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.IdPositions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Flags messages that would be counted twice if trusted: resends from Memphis' dead-letter station
 * ({@code $memphis_producedBy = $memphis_dls}) and repeats of a message id ({@code msg-id}, or
 * {@code Nats-Msg-Id} for plain JetStream producers). Kept across load and follow so repeats are found
 * across both.
 */
public final class MessageChecks {
    public static final String PRODUCED_BY = "$memphis_producedBy";
    public static final String CONNECTION_ID = "$memphis_connectionId";
    public static final String MESSAGE_ID = "msg-id";
    public static final String NATS_MESSAGE_ID = "Nats-Msg-Id";
    public static final String DEAD_LETTER_PRODUCER = "$memphis_dls";

    private final IdPositions seen = new IdPositions();
    private long deadLetterResends;
    private long duplicateIds;

    /** A hint that about {@code messages} messages are coming (sizes the id table once, not step by step). */
    synchronized void expect(long messages) {
        seen.expect(messages);
    }

    /** The flags for the message about to take {@code position}; empty for the common case. */
    List<Flag> check(String producedBy, String messageId, int position) {
        byte[] id = messageId == null ? new byte[0] : messageId.getBytes(StandardCharsets.UTF_8);
        return check(producedBy, messageId, id, 0, id.length, position);
    }

    /** As above, with the id's UTF-8 bytes at {@code idBytes[idFrom, idTo)} (the loader has them packed). */
    synchronized List<Flag> check(String producedBy, String messageId, byte[] idBytes, int idFrom, int idTo,
                                  int position) {
        Flag dls = null;
        if (DEAD_LETTER_PRODUCER.equals(producedBy)) {
            deadLetterResends++;
            dls = new Flag(FlagKind.DEAD_LETTER_RESEND, "$memphis_producedBy is $memphis_dls; the original "
                    + "message is counted where it was first produced");
        }
        Flag dup = null;
        if (messageId != null && !messageId.isEmpty()) {
            int first = seen.putIfAbsent(idBytes, idFrom, idTo, position);
            if (first != 0) {
                duplicateIds++;
                dup = new Flag(FlagKind.DUPLICATE_MESSAGE_ID, "msg-id " + messageId + " was first seen at position "
                        + first);
            }
        }
        if (dls == null && dup == null) {
            return List.of();
        }
        return dls == null ? List.of(dup) : dup == null ? List.of(dls) : List.of(dls, dup);
    }

    public synchronized long deadLetterResends() {
        return deadLetterResends;
    }

    public synchronized long duplicateIds() {
        return duplicateIds;
    }
}
