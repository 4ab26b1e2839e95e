package dev.jobstatus.cli;

import dev.jobstatus.core.polling.PollPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options of {@code wait}: how long at most, and how often to poll at first. */
final class WaitOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long, e.g. 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "First interval between polls; it grows up to 30s (default: ${DEFAULT-VALUE}).")
    Duration interval;

    PollPolicy policy() {
        return PollPolicy.builder().initialInterval(interval).maxInterval(interval.compareTo(Duration.ofSeconds(30)) > 0
                ? interval : Duration.ofSeconds(30)).timeout(timeout).build();
    }

    /** Reads {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} or an ISO-8601 duration such as {@code PT10M}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SIMPLE.matcher(value.strip().toLowerCase(Locale.ROOT));
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new picocli.CommandLine.TypeConversionException("'" + value
                            + "' is not a duration: write a number and a unit, such as 500ms, 30s, 10m or 1h");
                }
            }
            if (d.isZero() || d.isNegative()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
            }
            return d;
        }
    }
}
