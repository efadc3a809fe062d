package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.event.Timeline;
import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A projection over random nested payloads, random alternatives and random {@code when} conditions equals
 * a fold written here independently: Jackson's tree model, {@link JsonNode#at} for the pointers, and the
 * conditions and the invariant written out by hand in BigDecimal.
 */
class ProjectionProperties {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final List<String> AMOUNT_REFS = List.of("amount", "/data/amount", "/payload/money/value", "/data/x~1y");
    private static final List<String> ENTITY_REFS = List.of("account", "/data/account", "subject");
    private static final String[] TYPES = {"Deposit", "WITHDRAWAL", "Other"};

    @Property(tries = 150)
    void projectionEqualsAnIndependentFold(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int events)
            throws Exception {
        Random random = new Random(seed);
        List<String> amountRefs = pick(random, AMOUNT_REFS);
        List<String> entityRefs = pick(random, ENTITY_REFS);
        BigDecimal threshold = decimal(random);
        BigDecimal floor = decimal(random);
        ProjectionSpec spec = ProjectionSpecReader.parse("""
                {"fields": {"type": "type", "entity": %s, "amount": %s, "currency": ["/data/currency", "currency"]},
                 "state": {"balance": "decimal", "deposited": "decimal"},
                 "rules": [
                   {"types": ["deposit"], "when": "amount > %s || balance < %s",
                    "apply": [{"op": "add", "field": "amount", "to": "balance"},
                              {"op": "add", "field": "amount", "to": "deposited"}]},
                   {"types": ["Withdrawal"],
                    "apply": [{"op": "subtract", "field": "amount", "to": "balance", "when": "currency == 'EUR'"}]}],
                 "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}]}
                """.formatted(JSON.writeValueAsString(entityRefs), JSON.writeValueAsString(amountRefs),
                threshold.toPlainString(), floor.toPlainString()), "random.json");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            lines.add(event(random));
        }
        Timeline timeline = Timelines.of(spec, "dflt", lines);
        ReplayEngine engine = new ReplayEngine(timeline, spec);
        ReplayState state = engine.stateAt(events);

        Map<String, BigDecimal[]> expected = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = JSON.readTree(lines.get(i));
            String type = e.get("type").asText().toLowerCase();
            BigDecimal amount = firstPresent(e, amountRefs) == null ? null
                    : new BigDecimal(firstPresent(e, amountRefs).asText());
            if (!type.equals("other") && amount == null) {
                assertThat(timeline.isFlagged(i)).isTrue();
                continue; // flagged: missing amount, skipped by replay
            }
            JsonNode entityNode = firstPresent(e, entityRefs);
            String entity = entityNode == null ? "dflt" : entityNode.asText();
            BigDecimal[] s = expected.computeIfAbsent(entity, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            if (type.equals("deposit") && (amount.compareTo(threshold) > 0 || s[0].compareTo(floor) < 0)) {
                s[0] = s[0].add(amount);
                s[1] = s[1].add(amount);
            } else if (type.equals("withdrawal")) {
                JsonNode currency = firstPresent(e, List.of("/data/currency", "currency"));
                if (currency != null && currency.asText().equals("EUR")) {
                    s[0] = s[0].subtract(amount);
                }
            }
            if (s[0].signum() < 0) {
                violations.add((i + 1) + " " + entity + " " + s[0].stripTrailingZeros().toPlainString());
            }
        }
        expected.forEach((entity, s) -> {
            EntityState actual = state.entity(entity);
            assertThat(actual).as(entity).isNotNull();
            assertThat(actual.decimal("balance")).as(entity).isEqualByComparingTo(s[0]);
            assertThat(actual.decimal("deposited")).as(entity).isEqualByComparingTo(s[1]);
        });
        assertThat(state.entities()).hasSize(expected.size());
        assertThat(engine.violations()).extracting(v -> v.position() + " " + v.entity() + " "
                + new BigDecimal(v.values().get("balance")).stripTrailingZeros().toPlainString())
                .containsExactlyElementsOf(violations);
        assertThat(engine.violationPositions()).containsExactly(
                violations.stream().mapToInt(v -> Integer.parseInt(v.split(" ")[0])).toArray());
    }

    /** The first reference whose value is present (not missing, not null), read independently of the decoder. */
    private static JsonNode firstPresent(JsonNode e, List<String> refs) {
        for (String ref : refs) {
            JsonNode n = ref.startsWith("/") ? e.at(ref) : e.get(ref);
            if (n != null && !n.isMissingNode() && !n.isNull()) {
                return n;
            }
        }
        return null;
    }

    private static List<String> pick(Random random, List<String> pool) {
        List<String> copy = new ArrayList<>(pool);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, 1 + random.nextInt(copy.size()));
    }

    /** Up to 30 digits, up to 4 decimals, either sign, sometimes tiny. */
    private static BigDecimal decimal(Random random) {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(random.nextInt(4) == 0 ? 99 : 20), random);
        BigDecimal d = new BigDecimal(unscaled, random.nextInt(5));
        return random.nextInt(5) == 0 ? d.negate() : d;
    }

    private static String event(Random random) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", TYPES[random.nextInt(TYPES.length)]);
        for (String ref : AMOUNT_REFS) {
            if (random.nextInt(3) == 0) {
                BigDecimal amount = decimal(random);
                put(e, ref, random.nextInt(4) == 0 ? null : random.nextBoolean()
                        ? JSON.getNodeFactory().numberNode(amount) : JSON.getNodeFactory().textNode(amount.toPlainString()));
            }
        }
        for (String ref : ENTITY_REFS) {
            if (random.nextInt(2) == 0) {
                put(e, ref, JSON.getNodeFactory().textNode("E" + random.nextInt(4)));
            }
        }
        if (random.nextInt(3) > 0) {
            put(e, random.nextBoolean() ? "/data/currency" : "currency",
                    JSON.getNodeFactory().textNode(random.nextBoolean() ? "EUR" : "USD"));
        }
        return e.toString();
    }

    /** Puts {@code value} at the pointer or top-level name {@code ref}, making the objects on the way. */
    private static void put(ObjectNode root, String ref, JsonNode value) {
        if (!ref.startsWith("/")) {
            root.set(ref, value == null ? JSON.getNodeFactory().nullNode() : value);
            return;
        }
        String[] parts = ref.substring(1).split("/");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        String last = parts[parts.length - 1].replace("~1", "/").replace("~0", "~");
        at.set(last, value == null ? JSON.getNodeFactory().nullNode() : value);
    }
}
