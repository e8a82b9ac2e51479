package io.skillform.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one HTTP attempt came to: the receiver's status code (none if no answer came), how long it took, why it failed
 * and the start of the answer's body. Any 2xx is a success; everything else — redirects included — is a failure.
 */
public record Attempt(Instant at, Optional<Integer> statusCode, Duration latency, Optional<String> error,
                      Optional<String> responseBody) {

    static final int MAX_ERROR = 500;
    static final int MAX_BODY = 1000;

    /** Clipped to what the log keeps. */
    public Attempt {
        error = error.map(e -> clip(e, MAX_ERROR));
        responseBody = responseBody.map(b -> clip(b, MAX_BODY));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static Attempt answered(Instant at, int statusCode, Duration latency, String responseBody) {
        return new Attempt(at, Optional.of(statusCode), latency,
                statusCode / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + statusCode),
                Optional.of(responseBody).filter(body -> !body.isEmpty()));
    }

    static Attempt unanswered(Instant at, Duration latency, String error) {
        return new Attempt(at, Optional.empty(), latency, Optional.of(error), Optional.empty());
    }

    public boolean succeeded() {
        return statusCode.filter(code -> code / 100 == 2).isPresent();
    }
}
