package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing, per account, per client address and over the whole site.
 * <p>
 * An attempt is claimed ({@link Throttles}) before its password is checked — and its Argon2 hash paid for — and
 * counts as a failure until it succeeds. Counting after the check let 31 of 40 parallel guesses through; claimed,
 * the fifth guess at an account meets the lock the four before it set, however many arrive at once.
 * <p>
 * Per account, whatever the address: 4 free failures, then 30 s, doubling per further one up to 15 min. Per address
 * (many accounts tried from one place): 19 free, then 1 min doubling up to 1 h. A quiet hour forgets them. Over the
 * site: at most {@code SKILLFORM_LOGIN_FAILURES_PER_MINUTE} (default 1,000) failed log-ins in a minute, then none
 * until the next minute — guessing spread over many addresses and accounts cannot pass it.
 */
@Stateless
public class LoginThrottle {

    static final ThrottlePolicy.Doubling PER_ACCOUNT = new ThrottlePolicy.Doubling(4, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(1));
    static final ThrottlePolicy.Doubling PER_ADDRESS = new ThrottlePolicy.Doubling(19, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofHours(1));
    static final String SITE_KEY = "all:login";

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @Inject
    private Throttles throttles;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    @ConfigProperty(name = "skillform.login.failures-per-minute", defaultValue = "1000")
    private int siteFailuresPerMinute;

    /**
     * Claims an attempt to log in as {@code email} from {@code address}: empty if its password may be checked now (the
     * attempt then counts as failed until {@link #succeeded} forgives it); otherwise how long log-in stays refused.
     */
    public Optional<Duration> claim(Optional<EmailAddress> email, String address) {
        Optional<Duration> locked = throttles.claim(limits(email, address));
        locked.ifPresent(lock -> {
            String who = email.map(EmailAddress::value).orElse("-");
            LOG.warning(() -> "Log-in refused while locked out: account " + who + " from " + address);
            auditTrail.record(AuditEntry.of("login.locked-out", "login", "address:" + address,
                    who + " locked for another " + lock.toSeconds() + " s"));
        });
        return locked;
    }

    /**
     * The claimed attempt was right: the account's failures are forgotten; the address and the site forgive this one
     * attempt only (one success must not unlock a sweep from that address).
     */
    public void succeeded(EmailAddress email, String address) {
        throttles.clear(accountKey(email));
        throttles.forgive(limits(Optional.empty(), address));
    }

    /** In one fixed order (account, address, site), so that attempts locking the same rows never deadlock. */
    private List<Throttles.Limit> limits(Optional<EmailAddress> email, String address) {
        List<Throttles.Limit> limits = new ArrayList<>();
        email.ifPresent(e -> limits.add(new Throttles.Limit(accountKey(e), PER_ACCOUNT)));
        limits.add(new Throttles.Limit("address:" + address, PER_ADDRESS));
        limits.add(new Throttles.Limit(SITE_KEY, new ThrottlePolicy.PerWindow(siteFailuresPerMinute, Duration.ofMinutes(1))));
        return limits;
    }

    private static String accountKey(EmailAddress email) {
        return "account:" + email.value();
    }
}
