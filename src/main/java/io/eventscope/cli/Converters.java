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

    /** Positive ISO-8601 durations such as PT5M. */
    static final class DurationConverter implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                java.time.Duration d = java.time.Duration.parse(value);
                if (!d.isNegative() && !d.isZero()) {
                    return d;
                }
            } catch (RuntimeException e) {
                // worded below
            }
            throw new TypeConversionException("'" + value + "' is not a positive ISO-8601 duration; use e.g. PT30S, "
                    + "PT5M or PT1H");
        }
    }
}
