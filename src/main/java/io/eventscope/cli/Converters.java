package io.eventscope.cli;

import io.eventscope.event.EventTimes;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line value converters with messages a person can act on. */
final class Converters {
    private Converters() {
    }

    /** ISO-8601 instants (offsets allowed) or epoch millis. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return EventTimes.toInstant(EventTimes.parse(value));
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value
                        + "' is not an instant; use ISO-8601 like 2024-03-01T12:00:00Z");
            }
        }
    }
}
