package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:10Z");

    private static Optional<Duration> lockAfter(int failures) {
        return LoginThrottle.PER_ACCOUNT.lockDuration(failures);
    }

    @Test
    void theFirstFailuresAreFree() {
        for (int failures = 1; failures <= LoginThrottle.PER_ACCOUNT.freeAttempts(); failures++) {
            assertEquals(Optional.empty(), lockAfter(failures));
        }
    }

    @Test
    void locksGrowByDoublingUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), lockAfter(5));
        assertEquals(Optional.of(Duration.ofSeconds(60)), lockAfter(6));
        assertEquals(Optional.of(Duration.ofSeconds(120)), lockAfter(7));
        assertEquals(Optional.of(Duration.ofMinutes(15)), lockAfter(12));
        assertEquals(Optional.of(Duration.ofMinutes(15)), lockAfter(10_000));
    }

    @Test
    void aQuietHourForgetsAnAccountsFailures() {
        assertFalse(LoginThrottle.PER_ACCOUNT.forgets(T0, T0.plus(Duration.ofMinutes(59))));
        assertTrue(LoginThrottle.PER_ACCOUNT.forgets(T0, T0.plus(Duration.ofMinutes(61))));
    }

    @Test
    void theSitesCeilingLocksUntilTheMinuteEndsAndANewMinuteStartsAfresh() {
        ThrottlePolicy.PerWindow ceiling = new ThrottlePolicy.PerWindow(1000, Duration.ofMinutes(1));
        assertEquals(Optional.empty(), ceiling.lockAfter(999, T0));
        assertEquals(Optional.of(Instant.parse("2026-12-07T10:01:00Z")), ceiling.lockAfter(1000, T0));
        assertFalse(ceiling.forgets(T0, T0.plusSeconds(49)));
        assertTrue(ceiling.forgets(T0, T0.plusSeconds(50)));
    }
}
