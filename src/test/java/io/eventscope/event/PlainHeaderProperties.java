package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A header value copied as bytes packs exactly as the same value added as text, or is refused. */
class PlainHeaderProperties {

    @Property(tries = 2000)
    void plainBytesPackAsTheirTextOrAreRefused(@ForAll("values") byte[] value) {
        HeaderBlock asBytes = new HeaderBlock();
        boolean taken = asBytes.addPlain("kafka.key", value);
        boolean plain = true;
        for (byte b : value) {
            plain &= b > 0 && b != '\n' && b != '\r';
        }
        assertThat(taken).isEqualTo(plain);
        if (taken) {
            HeaderBlock asText = new HeaderBlock();
            asText.add("kafka.key", new String(value, StandardCharsets.UTF_8));
            assertThat(Arrays.copyOf(asBytes.bytes(), asBytes.length()))
                    .isEqualTo(Arrays.copyOf(asText.bytes(), asText.length()));
        } else {
            assertThat(asBytes.isEmpty()).as("a refused value adds nothing").isTrue();
        }
    }

    @Provide
    Arbitrary<byte[]> values() {
        Arbitrary<byte[]> ascii = Arbitraries.bytes().between((byte) 32, (byte) 126).array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Arbitraries.oneOf(ascii, ascii, any);
    }
}
