package io.skillform.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock of rules that depend on the time (a download link's expiry): injected rather than read from the system,
 * so a test deployment can replace this producer with one it moves forward.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
