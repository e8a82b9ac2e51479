package io.skillform.checkout;

import io.skillform.platform.JobLeases;
import io.skillform.platform.Lease;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reconciliation's records. */
@Stateless
public class ReconciliationJournal {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private JobLeases leases;

    /** Only while the pass's lease is this node's: a node that lost it mid-pass records nothing ({@link io.skillform.platform.LeaseLost}). */
    public void record(ReconciliationRun run, Lease lease) {
        leases.confirm(lease);
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
