package io.skillform.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Cluster-wide leases for scheduled jobs that must run on one node at a time (a row per job in {@code job_lease}).
 * A node that dies mid-run blocks its job only until the lease lapses.
 */
@Stateless
public class JobLease {

    private static final Timestamp FREE = Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"));

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Takes the job's lease if it is free or lapsed (or already this holder's). */
    public boolean take(String job, String holder, Duration length) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE job_lease SET holder = ?, leased_until = ? WHERE name = ?"
                        + " AND (leased_until < ? OR holder = ?)")
                .setParameter(1, holder)
                .setParameter(2, Timestamp.from(now.plus(length)))
                .setParameter(3, job)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, holder)
                .executeUpdate() == 1;
    }

    public void release(String job, String holder) {
        em.createNativeQuery("UPDATE job_lease SET holder = NULL, leased_until = ? WHERE name = ? AND holder = ?")
                .setParameter(1, FREE)
                .setParameter(2, job)
                .setParameter(3, holder)
                .executeUpdate();
    }
}
