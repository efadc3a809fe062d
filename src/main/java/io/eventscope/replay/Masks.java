package io.eventscope.replay;

import io.eventscope.event.FieldRef;
import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sensitive values a projection's {@code "mask"} names, and how an output shows them: as
 * {@value #MARK} on screen and in text, as a salted SHA-256 ({@code "sha256:<hex>"}) in exports so equal
 * values stay equal, or as they are when the user revealed them. Only outputs ask this class; the fold
 * always reads the true values, so a balance stays exact whatever is masked.
 */
public final class Masks {
    /** How masked values appear. */
    public enum Mode { SHOW, HASH, REVEAL }

    public static final String MARK = "•••• (masked)";
    private static final Pattern TOKEN = Pattern.compile("sha256:[0-9a-f]{64}");

    private final List<String> fields;
    private final List<FieldRef> refs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final boolean entity;
    private final boolean type;
    private final Mode mode;
    private final byte[] salt;

    private Masks(ProjectionSpec spec, Mode mode, byte[] salt) {
        this.fields = spec == null ? List.of() : spec.mask();
        this.mode = mode;
        this.salt = salt == null ? new byte[0] : salt.clone();
        fields.forEach(f -> refs.add(FieldRef.parse(f)));
        if (spec == null || refs.isEmpty()) {
            entity = false;
            type = false;
            return;
        }
        entity = anyCovered(spec.entityFields());
        type = anyCovered(spec.typeFields());
        var mapping = spec.fieldMapping();
        List<String> read = new ArrayList<>(mapping.numericFields());
        read.addAll(mapping.textFields());
        for (String name : read) {
            if (anyCovered(spec.payloadFields().getOrDefault(name, List.of(name)))) {
                names.add(name);
            }
        }
        // A text state field set from a masked field holds the same secret.
        for (Rule r : spec.rules()) {
            for (Operation op : r.apply()) {
                if (op.field() != null && names.contains(op.field()) && spec.state().get(op.target()) == StateKind.TEXT) {
                    names.add(op.target());
                }
            }
        }
    }

    /** Nothing masked. */
    public static Masks none() {
        return new Masks(null, Mode.REVEAL, null);
    }

    /** The masks of {@code spec} shown in {@code mode}; {@code salt} is needed for {@link Mode#HASH}. */
    public static Masks of(ProjectionSpec spec, Mode mode, byte[] salt) {
        if (mode == Mode.HASH && (salt == null || salt.length == 0) && !spec.mask().isEmpty()) {
            throw new IllegalArgumentException("hashing masked values needs a salt");
        }
        return new Masks(spec, mode, salt);
    }

    /** The same masks shown another way (text on screen, hashes in an export). */
    public Masks in(Mode other, ProjectionSpec spec) {
        return of(spec, other, salt);
    }

    /** True when some output value is changed: the spec masks something and it was not revealed. */
    public boolean active() {
        return !refs.isEmpty() && mode != Mode.REVEAL;
    }

    /** The spec's masked references, as written. */
    public List<String> fields() {
        return fields;
    }

    /** True when the spec masks something and the user chose to see it. */
    public boolean revealed() {
        return !refs.isEmpty() && mode == Mode.REVEAL;
    }

    /** Names the salt without revealing it: the first 16 hex digits of SHA-256 over the salt alone. */
    public String saltId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(salt)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Mode mode() {
        return mode;
    }

    /** A masked value as this output shows it. */
    public String value(String raw) {
        if (raw == null || mode == Mode.REVEAL) {
            return raw;
        }
        return mode == Mode.SHOW ? MARK : hash(raw);
    }

    /** The value of the named payload or state field {@code name}, masked when that field is. */
    public String field(String name, String raw) {
        return active() && names.contains(name) ? value(raw) : raw;
    }

    /** True when the named payload or state field holds a masked value. */
    public boolean masksField(String name) {
        return active() && names.contains(name);
    }

    /** True when the value {@code ref} reads is masked in this output, so a search must not match it by its value. */
    public boolean hides(FieldRef ref) {
        return active() && refs.stream().anyMatch(m -> covers(m, ref));
    }

    /** True when entity ids (or event types) are masked in this output. */
    public boolean hidesEntity() {
        return entity && active();
    }

    public boolean hidesType() {
        return type && active();
    }

    /** An entity id; masked ids keep a short hash on screen so entities stay apart. */
    public String entity(String id) {
        if (!entity || !active() || id == null) {
            return id;
        }
        return mode == Mode.SHOW ? "•••• " + hash(id).substring(7, 19) : hash(id);
    }

    public String type(String t) {
        return type && active() ? value(t) : t;
    }

    /** Every value of {@code byName} masked when its name is a masked field. */
    public Map<String, String> fields(Map<String, String> byName) {
        if (!active()) {
            return byName;
        }
        Map<String, String> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, field(k, v)));
        return out;
    }

    /** Headers with masked ones replaced. */
    public Map<String, String> headers(Map<String, String> headers) {
        if (!active() || headers.isEmpty()) {
            return headers;
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, masksHeader(k) ? value(v) : v));
        return out;
    }

    /** An entity's state with its id and masked text fields replaced. */
    public EntityState state(EntityState e) {
        if (!active()) {
            return e;
        }
        return new EntityState(entity(e.entity()), e.decimals(), fields(e.texts()), e.events(), e.lastChange(),
                e.lastPosition());
    }

    /** A violation with its entity id and the masked values its check read replaced. */
    public Violation violation(Violation v) {
        return active() ? new Violation(v.position(), entity(v.entity()), v.invariant(), fields(v.values())) : v;
    }

    /**
     * A flag's detail; a parser's complaint about a payload that is not JSON quotes the payload, so while
     * masking it is left out (the same words whatever the payload, so a masked pack replays to itself).
     */
    public String detail(Flag f) {
        boolean quotesPayload = f.kind() == FlagKind.NOT_JSON || f.kind() == FlagKind.DECODING_FAILURE;
        return active() && quotesPayload ? "(masked)" : f.detail();
    }

    /** A flag's reason with {@link #detail(Flag)}. */
    public String reason(Flag f) {
        return active() ? f.kind().label() + ": " + detail(f) : f.reason();
    }

    /** The payload's JSON text with masked values replaced ({@link MaskingWriter}); the bytes themselves when nothing is. */
    public byte[] payload(byte[] json) {
        return active() ? new MaskingWriter(this).rewrite(json) : json;
    }

    boolean masksHeader(String name) {
        FieldRef h = new FieldRef(FieldRef.Kind.HEADER, List.of(name.toLowerCase(java.util.Locale.ROOT)));
        return refs.stream().anyMatch(m -> covers(m, h));
    }

    /** True when the payload value at {@code path} (member names and array indices) is masked. */
    boolean masksPath(List<String> path) {
        FieldRef at = new FieldRef(path.size() == 1 ? FieldRef.Kind.FIELD : FieldRef.Kind.POINTER, path);
        return refs.stream().anyMatch(m -> covers(m, at));
    }

    private boolean anyCovered(List<String> candidates) {
        for (String c : candidates) {
            FieldRef r = FieldRef.parse(c);
            if (refs.stream().anyMatch(m -> covers(m, r))) {
                return true;
            }
        }
        return false;
    }

    /** A mask covers a reference to the same header, or to the value it names or anything inside it. */
    private static boolean covers(FieldRef mask, FieldRef ref) {
        boolean header = mask.kind() == FieldRef.Kind.HEADER;
        if (header != (ref.kind() == FieldRef.Kind.HEADER)) {
            return false;
        }
        return header ? mask.path().equals(ref.path())
                : ref.path().size() >= mask.path().size() && ref.path().subList(0, mask.path().size()).equals(mask.path());
    }

    /**
     * {@code sha256:} and the hex SHA-256 of the salt's bytes followed by the value's UTF-8 bytes. A value
     * that already is such a token is kept, so masking a masked export again changes nothing.
     */
    String hash(String raw) {
        if (TOKEN.matcher(raw).matches()) {
            return raw;
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            return "sha256:" + HexFormat.of().formatHex(d.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
