package io.skillform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The log line of one HTTP attempt of a delivery; written once, never changed. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private long deliveryId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private long latencyMs;

    @Column(length = Attempt.MAX_ERROR, updatable = false)
    private String error;

    @Column(name = "response_body", length = Attempt.MAX_BODY, updatable = false)
    private String responseBody;

    protected WebhookAttempt() {
        // for JPA
    }

    WebhookAttempt(long deliveryId, Attempt attempt) {
        this.deliveryId = deliveryId;
        this.attemptedAt = attempt.at();
        this.statusCode = attempt.statusCode().orElse(null);
        this.latencyMs = attempt.latency().toMillis();
        this.error = attempt.error().orElse(null);
        this.responseBody = attempt.responseBody().orElse(null);
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    public long latencyMs() {
        return latencyMs;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<String> responseBody() {
        return Optional.ofNullable(responseBody);
    }
}
