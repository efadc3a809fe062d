package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import java.security.SecureRandom;

/**
 * How a pack being checked shows its masked values, from its manifest: revealed, or hashed. A hash in the
 * pack is kept as it is when rendered again ({@link Masks}), so the lines compare without the exporter's
 * salt; a raw value where a hash belongs is hashed with the salt given (or a random one) and so differs.
 */
final class PackMasks {
    private PackMasks() {
    }

    static Masks of(JsonNode manifest, ProjectionSpec spec, byte[] salt) {
        if (spec.mask().isEmpty() || manifest.path("masking").path("revealed").asBoolean(false)) {
            return Masks.of(spec, Masks.Mode.REVEAL, null);
        }
        byte[] used = salt;
        if (used == null || used.length == 0) {
            used = new byte[32];
            new SecureRandom().nextBytes(used);
        }
        return Masks.of(spec, Masks.Mode.HASH, used);
    }
}
