package io.skillform.checkout;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reconciliation's records. */
@Stateless
public class ReconciliationJournal {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

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
