package io.skillform.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The appended audit events. */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    /**
     * Appends the entry unless it is there already: the broker delivers at least once, the log holds it once.
     * Two concurrent deliveries of the same entry are stopped by the unique entry id; the loser rolls back
     * and its redelivery then finds the row.
     */
    public void append(AuditEntry entry) {
        if (find(entry.id().toString()).isEmpty()) {
            em.persist(new AuditEvent(entry));
        }
    }

    public Optional<AuditEvent> find(String entryId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.entryId = :entryId", AuditEvent.class)
                .setParameter("entryId", entryId)
                .getResultStream().findFirst();
    }

    public List<AuditEvent> latest(int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.id DESC", AuditEvent.class)
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }
}
