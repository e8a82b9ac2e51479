package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Slows down password guessing, per account and per client address, with growing lock-outs. Counters live
 * in the database so every node of a cluster sees the same ones. A quiet hour forgets past failures.
 * <p>
 * Per account: 5 failures lock it for 30 s, each further failure doubles that, up to 15 min. Per address
 * (many accounts tried from one place): 20 failures lock it for 1 min, doubling up to 1 h.
 */
@Stateless
public class LoginThrottle {

    static final int ACCOUNT_FREE_FAILURES = 4;
    static final Duration ACCOUNT_FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration ACCOUNT_MAX_LOCK = Duration.ofMinutes(15);
    static final int ADDRESS_FREE_FAILURES = 19;
    static final Duration ADDRESS_FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration ADDRESS_MAX_LOCK = Duration.ofHours(1);
    static final Duration MEMORY = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private AuditTrail auditTrail;

    private final Clock clock = Clock.systemUTC();

    /** How long log-in stays refused for this e-mail or address; empty when an attempt may go ahead. */
    public Optional<Duration> lockedFor(Optional<EmailAddress> email, String address) {
        Instant now = clock.instant();
        Optional<Duration> longest = Stream.concat(email.map(LoginThrottle::accountKey).stream(), Stream.of(addressKey(address)))
                .flatMap(key -> remainingLock(key, now).stream())
                .max(Comparator.naturalOrder());
        longest.ifPresent(d -> {
            String who = email.map(EmailAddress::value).orElse("-");
            LOG.warning(() -> "Log-in refused while locked out: account " + who + " from " + address);
            auditTrail.record(AuditEntry.of("login.locked-out", "login", "address:" + address,
                    who + " locked for another " + d.toSeconds() + " s"));
        });
        return longest;
    }

    public void recordFailure(Optional<EmailAddress> email, String address) {
        Instant now = clock.instant();
        email.ifPresent(e -> fail(accountKey(e), now, ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_LOCK, ACCOUNT_MAX_LOCK));
        fail(addressKey(address), now, ADDRESS_FREE_FAILURES, ADDRESS_FIRST_LOCK, ADDRESS_MAX_LOCK);
    }

    /** A successful log-in clears the account's counter (not the address's: one success must not unlock a sweep). */
    public void recordSuccess(EmailAddress email) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?")
                .setParameter(1, accountKey(email))
                .executeUpdate();
    }

    private Optional<Duration> remainingLock(String key, Instant now) {
        return Optional.ofNullable(em.find(ThrottleCounter.class, key)).flatMap(counter -> counter.remainingLock(now));
    }

    private void fail(String key, Instant now, int freeFailures, Duration firstLock, Duration maxLock) {
        // One statement, so concurrent failures on several nodes are all counted.
        em.createNativeQuery("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)"
                        + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?, 1, failures + 1),"
                        + " last_failure_at = VALUES(last_failure_at)")
                .setParameter(1, key)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.minus(MEMORY)))
                .executeUpdate();
        ThrottleCounter counter = em.find(ThrottleCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        lockDuration(counter.failures(), freeFailures, firstLock, maxLock)
                .ifPresent(lock -> counter.lockFor(lock, now));
    }

    /** The lock after the given number of failures: none for the free ones, then doubling from the first lock. */
    static Optional<Duration> lockDuration(int failures, int freeFailures, Duration firstLock, Duration maxLock) {
        int excess = failures - freeFailures - 1;
        if (excess < 0) {
            return Optional.empty();
        }
        Duration lock = firstLock.multipliedBy(1L << Math.min(excess, 20));
        return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }

    private static String accountKey(EmailAddress email) {
        return "account:" + email.value();
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
