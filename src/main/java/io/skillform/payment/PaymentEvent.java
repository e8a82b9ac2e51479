package io.skillform.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A PSP event as received, raw. Written only by {@link PaymentEventInbox} (an insert that ignores duplicates);
 * afterwards only its processing state changes, once.
 */
@Entity
@Table(name = "payment_event")
public class PaymentEvent {

    public enum Status { RECEIVED, PROCESSED, IGNORED }

    public enum Source { WEBHOOK, RECONCILIATION }

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private PaymentProvider provider;

    @Column(name = "event_id", nullable = false, updatable = false, length = 120)
    private String eventId;

    @Column(nullable = false, updatable = false, length = 80)
    private String type;

    @Lob
    @Column(nullable = false, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(length = 500)
    private String outcome;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    @Version
    private long version;

    protected PaymentEvent() {
        // for JPA
    }

    public boolean isSettled() {
        return status != Status.RECEIVED;
    }

    /** Applied; the outcome says what it changed (or why it changed nothing). */
    public void processed(String what, Instant now) {
        settle(Status.PROCESSED, what, now);
    }

    /** Not about anything SkillForm acts on. */
    public void ignored(String why, Instant now) {
        settle(Status.IGNORED, why, now);
    }

    private void settle(Status newStatus, String what, Instant now) {
        if (isSettled()) {
            throw new IllegalStateException("Event " + eventId + " was already " + status);
        }
        status = newStatus;
        outcome = truncate(what, 500);
        processedAt = now;
        attempts++;
        lastError = null;
    }

    void recordFailure(String error) {
        attempts++;
        lastError = truncate(error == null ? "unknown error" : error, 1000);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public PaymentProvider provider() {
        return provider;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public Source source() {
        return source;
    }

    public Status status() {
        return status;
    }

    public String outcome() {
        return outcome;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant processedAt() {
        return processedAt;
    }
}
