package io.skillform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Failed log-ins for one key ({@code account:…} or {@code address:…}); counted by {@link LoginThrottle}. */
@Entity
@Table(name = "login_throttle")
public class ThrottleCounter {

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected ThrottleCounter() {
        // for JPA; rows are created by LoginThrottle's atomic upsert
    }

    int failures() {
        return failures;
    }

    /** Extends the lock to now + duration (never shortens one already running). */
    void lockFor(Duration duration, Instant now) {
        Instant until = now.plus(duration);
        if (lockedUntil == null || until.isAfter(lockedUntil)) {
            lockedUntil = until;
        }
    }

    Optional<Duration> remainingLock(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now)
                ? Optional.of(Duration.between(now, lockedUntil))
                : Optional.empty();
    }
}
