package io.skillform.checkout;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reconciliation's records and its cluster-wide lease (one node reconciles at a time). */
@Stateless
public class ReconciliationJournal {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Takes the lease if it is free or lapsed; a node that dies mid-run blocks the job only until it lapses. */
    public boolean lease(String holder, Duration length) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE job_lease SET holder = ?, leased_until = ? WHERE name = 'reconciliation'"
                        + " AND (leased_until < ? OR holder = ?)")
                .setParameter(1, holder)
                .setParameter(2, Timestamp.from(now.plus(length)))
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, holder)
                .executeUpdate() == 1;
    }

    public void release(String holder) {
        em.createNativeQuery("UPDATE job_lease SET holder = NULL, leased_until = ? WHERE name = 'reconciliation' AND holder = ?")
                .setParameter(1, Timestamp.from(Instant.EPOCH.plusSeconds(946_684_800)))
                .setParameter(2, holder)
                .executeUpdate();
    }

    public void record(ReconciliationRun run) {
        em.persist(run);
    }

    public Optional<ReconciliationRun> lastComplete() {
        return em.createQuery("SELECT r FROM ReconciliationRun r WHERE r.eventsComplete = TRUE ORDER BY r.id DESC", ReconciliationRun.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<ReconciliationRun> recent(int limit) {
        return em.createQuery("SELECT r FROM ReconciliationRun r ORDER BY r.id DESC", ReconciliationRun.class)
                .setMaxResults(limit).getResultList();
    }
}
