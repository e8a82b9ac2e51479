package io.skillform.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A PSP event as received, raw. Written only by {@link PaymentEventInbox} (an insert that ignores duplicates);
 * afterwards only its processing state changes, once, and — while it is unsettled — when it is due to be queued again.
 */
@Entity
@Table(name = "payment_event")
public class PaymentEvent {

    /**
     * {@code UNMATCHED}: about a payment no SkillForm order has — another system's on a shared PSP account — found so
     * at once (it names nothing an order could be found by) or after waiting {@code UNMATCHED_AFTER} for its order.
     */
    public enum Status { RECEIVED, PROCESSED, IGNORED, UNMATCHED }

    /**
     * When an unsettled event is first queued again by reconciliation: after the broker's own retries (1 + 2 + … + 16 s)
     * have given up on it.
     */
    public static final Duration FIRST_REQUEUE_AFTER = Duration.ofMinutes(2);
    /** The longest wait between two requeues of an event that keeps failing (until someone fixes what fails). */
    static final Duration LONGEST_REQUEUE_WAIT = Duration.ofHours(1);

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

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

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

    /** About a payment that is not SkillForm's (see {@link Status#UNMATCHED}): final, shown to admins. */
    public void unmatched(String why, Instant now) {
        settle(Status.UNMATCHED, why, now);
    }

    /**
     * Cannot be applied yet (what it is about is not known here yet): counted as an attempt, it stays unsettled until
     * it is queued again.
     */
    public void deferred(String why) {
        recordFailure(why);
    }

    /**
     * Queued again at {@code now}: the next time waits as long as the event has waited so far, at least
     * {@link #FIRST_REQUEUE_AFTER} and at most {@link #LONGEST_REQUEUE_WAIT} — an event that keeps failing is asked
     * ever less often, and goes behind those that are due sooner.
     */
    void requeued(Instant now) {
        Duration waited = Duration.between(receivedAt, now);
        Duration wait = waited.compareTo(FIRST_REQUEUE_AFTER) < 0 ? FIRST_REQUEUE_AFTER
                : waited.compareTo(LONGEST_REQUEUE_WAIT) > 0 ? LONGEST_REQUEUE_WAIT : waited;
        nextAttemptAt = now.plus(wait);
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

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
