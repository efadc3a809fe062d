package io.eventscope.event;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded events, stored column-wise: one primitive array per attribute, interned types and entity
 * ids, payload bytes once in a {@link ByteArena}. Positions are 1-based; the column accessors take a
 * 0-based {@code index} (= position - 1) because they sit on replay's hot path.
 *
 * <p>One thread appends (through {@link TimelineWriter} and its {@link ColumnWriter}); any thread may read. A reader sees every
 * event below the {@link #size()} it read, because the writer fills the columns before publishing
 * the new size through a volatile write.
 */
public final class Timeline {
    private final String sourceName;
    private final String defaultEntity;
    private final CoordinateKind coordinateKind;
    private final FieldMapping mapping;

    final StringInterner types = new StringInterner();
    final StringInterner entities = new StringInterner();
    final StringInterner partitions = new StringInterner();
    final StringInterner textValues = new StringInterner();
    final ByteArena payloads = new ByteArena();

    /** A payload reference for a line a streaming read decoded but did not keep ({@link TimelineWriter#keepNoLines}). */
    static final long NOT_KEPT = -1;
    private volatile int size;
    int capacity = 1024;
    long lineBase = 1; // LINE coordinates: line = lineBase + index
    /** Positions folded and dropped before index 0 by a streaming writer ({@link TimelineWriter#streaming}); else 0. */
    int discarded; // written and read on the loading thread only: the viewer's timelines never drop
    /** The effective time of the last dropped position: what a first event without a time of its own takes. */
    long timeBeforeFirst = EventTimes.NONE;
    // Columns are replaced whole when they grow or are trimmed. They are volatile so that a reader on
    // another thread that sees a replaced array also sees its contents (copied before the swap).
    volatile long[] effectiveTime = new long[capacity];
    volatile long[] eventTimeBits = new long[capacity / 64 + 1];
    volatile long[] brokerTime; // null until a source supplies broker times
    volatile int[] type = new int[capacity];
    volatile int[] entity = new int[capacity];
    volatile long[] payloadRef = new long[capacity];
    volatile long[] headerRef; // null until some event has headers
    volatile long[] sequence; // SEQUENCE / OFFSET coordinates
    volatile int[] partition; // null for single-stream sources
    volatile long[] flaggedBits = new long[capacity / 64 + 1];
    final DecimalColumn[] numbers;
    volatile int[][] texts;
    final Map<Integer, List<Flag>> flags = new ConcurrentHashMap<>();
    volatile int flaggedCount;

    public Timeline(String sourceName, String defaultEntity, CoordinateKind coordinateKind, FieldMapping mapping) {
        this.sourceName = sourceName;
        this.defaultEntity = defaultEntity;
        this.coordinateKind = coordinateKind;
        this.mapping = mapping;
        numbers = new DecimalColumn[mapping.numericFields().size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = new DecimalColumn(capacity);
        }
        texts = new int[mapping.textFields().size()][capacity];
        if (coordinateKind != CoordinateKind.LINE) {
            sequence = new long[capacity];
        }
    }

    public String sourceName() {
        return sourceName;
    }

    public String defaultEntity() {
        return defaultEntity;
    }

    public CoordinateKind coordinateKind() {
        return coordinateKind;
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /** Number of positions held (loaded so far, less any a streaming load dropped). */
    public int size() {
        return size;
    }

    /**
     * How many positions come before index 0: 0, except while a streaming load runs, which folds each
     * burst and then drops it. Position of index {@code i} = {@code discarded() + i + 1}.
     */
    public int discarded() {
        return discarded;
    }

    public int flaggedCount() {
        return flaggedCount;
    }

    // ---- hot-path column access (0-based index) ----

    public boolean isFlagged(int index) {
        return (flaggedBits[index >>> 6] & (1L << index)) != 0;
    }

    /** Type id, or -1 when the event has no type. */
    public int typeIdAt(int index) {
        return type[index];
    }

    /** Entity id (always set: the default entity when the payload names none). */
    public int entityIdAt(int index) {
        return entity[index];
    }

    /** Event time, else broker time, else the previous event's effective time; {@link EventTimes#NONE} before any. */
    public long effectiveTimeAt(int index) {
        return effectiveTime[index];
    }

    public boolean hasEventTime(int index) {
        return (eventTimeBits[index >>> 6] & (1L << index)) != 0;
    }

    /** True once a source supplied a broker time for some event (never for files). */
    public boolean hasBrokerTimes() {
        return brokerTime != null;
    }

    public long brokerTimeAt(int index) {
        long[] b = brokerTime;
        return b == null ? EventTimes.NONE : b[index];
    }

    /** Numeric column {@code field} (index into {@link FieldMapping#numericFields()}). */
    public DecimalColumn numbers(int field) {
        return numbers[field];
    }

    /** Text value id at {@code index} for text field {@code field}, or -1 when absent. */
    public int textIdAt(int field, int index) {
        return texts[field][index];
    }

    public String textValue(int id) {
        return textValues.get(id);
    }

    public int numericFieldIndex(String name) {
        return mapping.numericFields().indexOf(name);
    }

    public int textFieldIndex(String name) {
        return mapping.textFields().indexOf(name);
    }

    public String typeName(int typeId) {
        return typeId < 0 ? null : types.get(typeId);
    }

    public int typeCount() {
        return types.size();
    }

    public String entityName(int entityId) {
        return entities.get(entityId);
    }

    /** The id of entity {@code name}, or -1 when no event names it. */
    public int entityIdOf(String name) {
        return entities.find(name);
    }

    public int entityCount() {
        return entities.size();
    }

    /** Raw payload of the event at {@code index} (a copy). */
    public byte[] payloadAt(int index) {
        long ref = payloadRef[index];
        if (ref == NOT_KEPT) {
            throw new IllegalStateException("this streamed read was asked to keep no payloads");
        }
        return payloads.get(ref);
    }

    public SourceCoordinates coordinatesAt(int index) {
        if (coordinateKind == CoordinateKind.LINE) {
            return new SourceCoordinates(coordinateKind, null, lineBase + index);
        }
        int[] p = partition;
        String name = p == null || p[index] < 0 ? null : partitions.get(p[index]);
        return new SourceCoordinates(coordinateKind, name, sequence[index]);
    }

    public List<Flag> flagsAt(int index) {
        return isFlagged(index) ? flags.getOrDefault(index, List.of()) : List.of();
    }

    public Map<String, String> headersAt(int index) {
        long[] h = headerRef;
        if (h == null || h[index] == Long.MIN_VALUE) {
            return Map.of();
        }
        return HeaderCodec.decode(payloads.get(h[index]));
    }

    /** Every value of every header of the event at {@code index}, as its source gave them (repeats kept apart). */
    public Map<String, List<String>> headerValuesAt(int index) {
        long[] h = headerRef;
        if (h == null || h[index] == Long.MIN_VALUE) {
            return Map.of();
        }
        return HeaderCodec.decodeValues(payloads.get(h[index]));
    }

    /** The event at 1-based {@code position}, materialised. */
    public Event event(int position) {
        int size = this.size;
        if (position < 1 || position > size) {
            throw new IndexOutOfBoundsException("position " + position + " is outside 1.." + size);
        }
        return materialise(position - 1, position);
    }

    /**
     * The event held at 0-based {@code index}, materialised with its position {@code discarded() + index + 1}:
     * how a reader of a streamed timeline (which holds one burst) takes an event.
     */
    public Event eventAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the " + size + " held");
        }
        return materialise(index, discarded + index + 1);
    }

    private Event materialise(int i, int position) {
        Map<String, BigDecimal> nums = new LinkedHashMap<>();
        for (int f = 0; f < numbers.length; f++) {
            BigDecimal v = numbers[f].get(i);
            if (v != null) {
                nums.put(mapping.numericFields().get(f), v);
            }
        }
        Map<String, String> txt = new LinkedHashMap<>();
        for (int f = 0; f < texts.length; f++) {
            int id = texts[f][i];
            if (id >= 0) {
                txt.put(mapping.textFields().get(f), textValues.get(id));
            }
        }
        return new Event(position, coordinatesAt(i), EventTimes.toInstant(brokerTimeAt(i)),
                hasEventTime(i) ? EventTimes.toInstant(effectiveTime[i]) : null,
                typeName(type[i]), entities.get(entity[i]), nums, txt, payloadAt(i), headersAt(i), flagsAt(i));
    }

    /** Approximate heap held by the columns (payload bytes excluded). */
    public long columnBytes() {
        long total = 8L * effectiveTime.length + 8L * eventTimeBits.length + 4L * type.length
                + 4L * entity.length + 8L * payloadRef.length + 8L * flaggedBits.length;
        total += brokerTime == null ? 0 : 8L * brokerTime.length;
        total += headerRef == null ? 0 : 8L * headerRef.length;
        total += sequence == null ? 0 : 8L * sequence.length;
        total += partition == null ? 0 : 4L * partition.length;
        for (DecimalColumn c : numbers) {
            total += c.retainedBytes();
        }
        for (int[] t : texts) {
            total += 4L * t.length;
        }
        return total;
    }

    /** Heap one more event takes in the columns as they stand (payload excluded): what a forecast multiplies. */
    public long columnBytesPerEvent() {
        return (columnBytes() + capacity - 1) / capacity;
    }

    /** Bytes of payload storage (the raw events themselves). */
    public long payloadBytes() {
        return payloads.retainedBytes();
    }

    // ---- writer side: written only through ColumnWriter ----

    int capacity() {
        return capacity;
    }

    void publish(int newSize) {
        size = newSize;
    }
}
