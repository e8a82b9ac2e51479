package io.skillform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Log-in attempts counted against one key ({@code account:…}, {@code address:…} or {@code all:…}). Changed only
 * by {@link LoginThrottle} under the row's lock, so a check and its count are one step: parallel attempts are
 * counted one after the other, and none sees a count from before another's.
 */
@Entity
@Table(name = "login_throttle")
public class ThrottleCounter {

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    /** Attempts that failed or are still being checked (a success forgives its own). */
    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected ThrottleCounter() {
        // for JPA; rows are created by LoginThrottle's upsert
    }

    Optional<Duration> remainingLock(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /**
     * Counts an attempt that is about to be checked (as a failure until it succeeds): past ones are forgotten after
     * {@code memory} without any, and the lock after this many is set now — the next attempt meets it.
     */
    void attempt(ThrottlePolicy policy, Instant now) {
        if (lastFailureAt == null || policy.forgets(lastFailureAt, now)) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        policy.lockAfter(failures, now).filter(until -> lockedUntil == null || until.isAfter(lockedUntil))
                .ifPresent(until -> lockedUntil = until);
    }

    /** The attempt succeeded: it no longer counts, nor does the lock it set (a lock set by earlier failures stays). */
    void forgive(ThrottlePolicy policy, Instant now) {
        if (failures > 0) {
            failures--;
        }
        lockedUntil = failures == 0 ? null : policy.lockAfter(failures, lastFailureAt).orElse(null);
    }

    int failures() {
        return failures;
    }
}
