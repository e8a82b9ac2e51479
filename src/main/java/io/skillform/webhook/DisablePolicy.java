package io.skillform.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When an endpoint counts as failing continuously: at least {@code failures} attempts failed in a row, the first of
 * them at least {@code failingFor} ago. Both, so neither a burst of events during a short outage nor one event
 * retried for a day disables an endpoint that works again tomorrow.
 */
public record DisablePolicy(int failures, Duration failingFor) {

    public DisablePolicy {
        if (failures < 1) {
            throw new IllegalArgumentException("skillform.webhooks.disable-after-failures is at least 1");
        }
    }

    boolean disables(int consecutiveFailures, Instant failingSince, Instant now) {
        return consecutiveFailures >= failures && !failingSince.plus(failingFor).isAfter(now);
    }
}
