package io.skillform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One event on its way to one endpoint. Open while PENDING (never tried) or FAILED (a retry is due at
 * {@code nextAttemptAt}); SENDING while one node holds the claim; SUCCEEDED or ABANDONED at the end — until a creator
 * sends it again.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum State {
        PENDING, SENDING, FAILED, SUCCEEDED, ABANDONED;

        static final Set<State> OPEN = EnumSet.of(PENDING, FAILED);
        /** Not finished: holds back newer deliveries with the same ordering key to the same endpoint. */
        static final Set<State> UNFINISHED = EnumSet.of(PENDING, SENDING, FAILED);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private WebhookEvent event;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private long endpointId;

    @Column(name = "ordering_key", nullable = false, updatable = false, length = 80)
    private String orderingKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "retries_left", nullable = false)
    private int retriesLeft;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    /** While SENDING: the claim's end. While open: until then it is already on the queue (the sweep leaves it). */
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_latency_ms")
    private Long lastLatencyMs;

    @Column(name = "last_error", length = Attempt.MAX_ERROR)
    private String lastError;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookDelivery() {
        // for JPA
    }

    /** A delivery due now, already on its way to the queue (for {@code queued}). */
    WebhookDelivery(WebhookEvent event, long endpointId, int retries, Instant now, Duration queued) {
        this.event = event;
        this.endpointId = endpointId;
        this.orderingKey = event.orderingKey();
        this.state = State.PENDING;
        this.retriesLeft = retries;
        this.nextAttemptAt = now;
        this.claimedUntil = now.plus(queued);
        this.createdAt = now;
    }

    boolean isOpen() {
        return State.OPEN.contains(state);
    }

    boolean isDue(Instant now) {
        return isOpen() && !nextAttemptAt.isAfter(now);
    }

    /** This node sends the next attempt; nobody else until the claim ends. */
    void claim(Instant now, Duration claim) {
        if (!isDue(now)) {
            throw new IllegalStateException("Delivery " + id + " is " + state + ", due " + nextAttemptAt);
        }
        state = State.SENDING;
        attempts++;
        claimedUntil = now.plus(claim);
    }

    void succeeded(Attempt attempt) {
        record(attempt);
        state = State.SUCCEEDED;
        claimedUntil = null;
    }

    /** A failed attempt: retried after the schedule's next wait, or abandoned when none is left. */
    void failed(Attempt attempt, RetrySchedule schedule) {
        record(attempt);
        claimedUntil = null;
        if (retriesLeft > 0) {
            nextAttemptAt = attempt.at().plus(schedule.waitBefore(retriesLeft));
            retriesLeft--;
            state = State.FAILED;
        } else {
            state = State.ABANDONED;
        }
    }

    /** A claim whose node never reported back (it stopped mid-attempt): tried again now. */
    void claimLapsed(Instant now) {
        state = State.FAILED;
        nextAttemptAt = now;
        claimedUntil = null;
        lastError = "No outcome recorded for the attempt (the sending node stopped?)";
    }

    /** Stops for good: the endpoint was disabled; a creator can still send it again. */
    void abandon(String why) {
        if (isOpen()) {
            state = State.ABANDONED;
            lastError = why;
            claimedUntil = null;
        }
    }

    /**
     * The creator's "Send again": one attempt now, whatever happened before; no automatic retries follow it (the
     * creator watches its outcome in the log).
     */
    void sendAgain(Instant now, Duration queued) {
        if (state == State.SENDING) {
            throw new IllegalStateException("This delivery is being sent right now.");
        }
        if (state == State.PENDING && !nextAttemptAt.isAfter(now)) {
            // Clicks while it waits for its turn would each send it once more: one is enough.
            throw new IllegalStateException("This delivery is queued already: it goes out in a moment.");
        }
        state = State.PENDING;
        retriesLeft = 0;
        nextAttemptAt = now;
        claimedUntil = now.plus(queued);
    }

    /** On the queue for {@code queued} from now: the sweep leaves it alone meanwhile. */
    void queued(Instant now, Duration queued) {
        claimedUntil = now.plus(queued);
    }

    private void record(Attempt attempt) {
        lastAttemptAt = attempt.at();
        lastStatusCode = attempt.statusCode().orElse(null);
        lastLatencyMs = attempt.latency().toMillis();
        lastError = attempt.error().orElse(null);
    }

    public Long id() {
        return id;
    }

    public WebhookEvent event() {
        return event;
    }

    public long endpointId() {
        return endpointId;
    }

    public String orderingKey() {
        return orderingKey;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    /** When the next automatic attempt is due, if one is. */
    public Optional<Instant> nextAttemptAt() {
        return isOpen() ? Optional.of(nextAttemptAt) : Optional.empty();
    }

    public Optional<Integer> lastStatusCode() {
        return Optional.ofNullable(lastStatusCode);
    }

    public Optional<Long> lastLatencyMs() {
        return Optional.ofNullable(lastLatencyMs);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
