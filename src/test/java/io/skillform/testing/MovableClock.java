package io.skillform.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the application's clock (io.skillform.platform.Clocks) in a test deployment that includes this class: the
 * time runs as usual, shifted by however far a test moved it — so "the link expires after 24 hours" is tested in
 * seconds. Read on every call, so services created before a move see it too.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock {

    private static volatile Duration shift = Duration.ZERO;

    public static void advance(Duration by) {
        shift = shift.plus(by);
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Produces
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("UTC only");
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(shift);
            }
        };
    }
}
