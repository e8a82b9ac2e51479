package io.skillform.webhook;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The waits between a delivery's attempts ({@code SKILLFORM_WEBHOOKS_RETRY_SCHEDULE}, ISO-8601 durations separated by
 * commas): the first attempt is immediate, a failed one is retried after the next wait, until the list is used up
 * and the delivery is abandoned. The default spreads 8 attempts over 23 h 35 min.
 */
public record RetrySchedule(List<Duration> waits) {

    static final String DEFAULT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT6H";

    public RetrySchedule {
        waits = List.copyOf(waits);
        if (waits.stream().anyMatch(wait -> wait.isNegative() || wait.isZero())) {
            throw new IllegalArgumentException("Retry waits are positive");
        }
    }

    public static RetrySchedule parse(String text) {
        try {
            return new RetrySchedule(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Duration::parse).toList());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("skillform.webhooks.retry-schedule is ISO-8601 durations separated by"
                    + " commas, like " + DEFAULT + ": " + e.getParsedString(), e);
        }
    }

    /** How many retries follow a failed first attempt. */
    public int retries() {
        return waits.size();
    }

    /** The wait before the retry that leaves {@code retriesLeft - 1} retries. */
    public Duration waitBefore(int retriesLeft) {
        int index = waits.size() - retriesLeft;
        return waits.get(Math.max(0, Math.min(index, waits.size() - 1)));
    }

    /** From the first attempt to the last. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
