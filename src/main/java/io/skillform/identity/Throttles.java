package io.skillform.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counters of attempts that cost us or someone else (log-ins, mails asked for), in the database so every node of a
 * cluster sees the same ones ({@code login_throttle}). An attempt is <em>claimed</em>: under its counters' row locks,
 * refused if any of them is locked, else counted at once. The check and the count are one step, so parallel attempts
 * are counted one after the other and none gets past a lock another has just set. Each claim commits on its own: its
 * locks are held for milliseconds, and what it counted stays counted whatever the attempt then does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttles {

    /** One counter an attempt is counted against, and its policy. */
    public record Limit(String key, ThrottlePolicy policy) {
    }

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Empty if the attempt may go ahead (it is now counted against every limit); else how long they stay locked. */
    public Optional<Duration> claim(List<Limit> limits) {
        Instant now = clock.instant();
        Map<ThrottleCounter, ThrottlePolicy> counters = lock(limits, now);
        Optional<Duration> locked = counters.keySet().stream().flatMap(c -> c.remainingLock(now).stream()).max(Comparator.naturalOrder());
        if (locked.isEmpty()) {
            counters.forEach((counter, policy) -> counter.attempt(policy, now));
        }
        return locked;
    }

    /** A claimed attempt that turned out well no longer counts against these limits. */
    public void forgive(List<Limit> limits) {
        Instant now = clock.instant();
        lock(limits, now).forEach((counter, policy) -> counter.forgive(policy, now));
    }

    /** Forgets a counter altogether. */
    public void clear(String key) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?").setParameter(1, key).executeUpdate();
    }

    /**
     * Each limit's counter, created if new, locked until the transaction ends — in the order given, which callers
     * keep fixed so that attempts locking the same rows never deadlock. The upsert takes the row's exclusive lock at
     * once, also when the row is there already (an INSERT IGNORE would take a shared one, and two attempts upgrading
     * theirs deadlock).
     */
    private Map<ThrottleCounter, ThrottlePolicy> lock(List<Limit> limits, Instant now) {
        Map<ThrottleCounter, ThrottlePolicy> counters = new LinkedHashMap<>();
        for (Limit limit : limits) {
            em.createNativeQuery("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 0, ?)"
                            + " ON DUPLICATE KEY UPDATE throttle_key = throttle_key")
                    .setParameter(1, limit.key())
                    .setParameter(2, Timestamp.from(now))
                    .executeUpdate();
            counters.put(em.find(ThrottleCounter.class, limit.key(), LockModeType.PESSIMISTIC_WRITE), limit.policy());
        }
        return counters;
    }
}
