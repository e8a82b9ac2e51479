package io.skillform.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When counted log-in attempts lock further ones out, and when they are forgotten. */
sealed interface ThrottlePolicy {

    /** Whether attempts counted up to {@code last} are forgotten by {@code now}. */
    boolean forgets(Instant last, Instant now);

    /** Until when log-in is refused after {@code attempts} attempts, the last at {@code at}; empty while free. */
    Optional<Instant> lockAfter(int attempts, Instant at);

    /**
     * Some attempts free, then a lock that doubles with each further one up to a cap; a quiet {@code memory}
     * forgets them. For one account and for one address.
     */
    record Doubling(int freeAttempts, Duration firstLock, Duration maxLock, Duration memory) implements ThrottlePolicy {

        @Override
        public boolean forgets(Instant last, Instant now) {
            return last.isBefore(now.minus(memory));
        }

        @Override
        public Optional<Instant> lockAfter(int attempts, Instant at) {
            return lockDuration(attempts).map(at::plus);
        }

        Optional<Duration> lockDuration(int attempts) {
            int excess = attempts - freeAttempts - 1;
            if (excess < 0) {
                return Optional.empty();
            }
            Duration lock = firstLock.multipliedBy(1L << Math.min(excess, 20));
            return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
        }
    }

    /**
     * At most {@code ceiling} attempts in each {@code window} of the clock (a minute, an hour), then none until the
     * next one starts.
     */
    record PerWindow(int ceiling, Duration window) implements ThrottlePolicy {

        @Override
        public boolean forgets(Instant last, Instant now) {
            return !start(last).equals(start(now));
        }

        @Override
        public Optional<Instant> lockAfter(int attempts, Instant at) {
            return attempts >= ceiling ? Optional.of(start(at).plus(window)) : Optional.empty();
        }

        private Instant start(Instant at) {
            long seconds = window.toSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        }
    }
}
