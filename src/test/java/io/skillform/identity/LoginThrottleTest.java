package io.skillform.identity;

import static io.skillform.identity.LoginThrottle.ACCOUNT_FIRST_LOCK;
import static io.skillform.identity.LoginThrottle.ACCOUNT_FREE_FAILURES;
import static io.skillform.identity.LoginThrottle.ACCOUNT_MAX_LOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static Optional<Duration> lockAfter(int failures) {
        return LoginThrottle.lockDuration(failures, ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_LOCK, ACCOUNT_MAX_LOCK);
    }

    @Test
    void theFirstFailuresAreFree() {
        for (int failures = 1; failures <= ACCOUNT_FREE_FAILURES; failures++) {
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
}
