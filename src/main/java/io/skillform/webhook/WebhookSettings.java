package io.skillform.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhooks' settings ({@code SKILLFORM_WEBHOOKS_*}), read and checked once at start-up: a wrong value stops the
 * deployment with the setting's name rather than failing the first delivery.
 */
@ApplicationScoped
public class WebhookSettings {

    /** Localhost and private networks as endpoints: for development only (the dev run and the test server). */
    @Inject
    @ConfigProperty(name = "skillform.webhooks.allow-private-hosts", defaultValue = "false")
    boolean allowPrivateHosts;

    @Inject
    @ConfigProperty(name = "skillform.webhooks.retry-schedule", defaultValue = RetrySchedule.DEFAULT)
    String retrySchedule;

    /** An endpoint is disabled after this many failed attempts in a row… */
    @Inject
    @ConfigProperty(name = "skillform.webhooks.disable-after-failures", defaultValue = "10")
    int disableAfterFailures;

    /** …that span at least this long (so a short outage with a burst of events does not disable it). */
    @Inject
    @ConfigProperty(name = "skillform.webhooks.disable-after", defaultValue = "PT24H")
    String disableAfter;

    /** How long the secret replaced by a rotation still signs (both signatures are sent meanwhile). */
    @Inject
    @ConfigProperty(name = "skillform.webhooks.rotation-grace", defaultValue = "PT24H")
    String rotationGrace;

    /** How often due retries are put on the queue (on one node of a cluster at a time); 0 = never. */
    @Inject
    @ConfigProperty(name = "skillform.webhooks.sweep-interval-seconds", defaultValue = "5")
    long sweepIntervalSeconds;

    private RetrySchedule schedule;
    private DisablePolicy disablePolicy;
    private Duration grace;
    private AddressGuard guard;

    @PostConstruct
    void read() {
        schedule = RetrySchedule.parse(retrySchedule);
        disablePolicy = new DisablePolicy(disableAfterFailures, duration("disable-after", disableAfter));
        grace = duration("rotation-grace", rotationGrace);
        guard = AddressGuard.system(allowPrivateHosts);
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule();
    }

    private static Duration duration(String name, String value) {
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("skillform.webhooks." + name + " is not negative: " + value);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("skillform.webhooks." + name + " is an ISO-8601 duration like PT24H: " + value, e);
        }
    }

    /** The check of endpoint URLs, as the settings allow hosts. */
    public AddressGuard guard() {
        return guard;
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    public DisablePolicy disablePolicy() {
        return disablePolicy;
    }

    public Duration rotationGrace() {
        return grace;
    }

    public long sweepIntervalSeconds() {
        return sweepIntervalSeconds;
    }
}
