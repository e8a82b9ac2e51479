package io.skillform.delivery;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order's downloads as its creator sees them: what each file allows and has used, every request served, and the
 * links that look shared (used from {@value #SHARED_FROM_ADDRESSES} or more addresses). Callers check that the reader
 * manages the order.
 */
@Stateless
public class DownloadLog {

    static final int SHARED_FROM_ADDRESSES = 3;
    private static final int MAX_EVENTS = 200;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    /** One request served, with the file's name; newest first. */
    public record Line(long id, Instant at, String fileName, String address, String userAgent, Long resumedAt, long linkId) {
    }

    /** A link used from many addresses: likely passed around. */
    public record SharedLink(long linkId, String fileName, long addresses) {
    }

    /** A file of the order: the purchase's downloads of it, used and allowed in all (the policy and any added). */
    public record Allowance(long grantId, String fileName, int used, int allowed, boolean revoked) {
    }

    public List<Allowance> allowances(long orderId) {
        return em.createQuery("SELECT g FROM DownloadGrant g JOIN FETCH g.file WHERE g.orderId = :order ORDER BY g.id", DownloadGrant.class)
                .setParameter("order", orderId)
                .getResultStream()
                .map(g -> new Allowance(g.id(), g.file().fileName().value(), g.downloadsUsed(), g.allowance(), g.isRevoked()))
                .toList();
    }

    public List<Line> of(long orderId) {
        return page(orderId, Optional.empty(), 0, MAX_EVENTS);
    }

    /** The order's downloads before a position (time, event id), newest first: the API's pages. */
    public List<Line> page(long orderId, Optional<Instant> beforeAt, long beforeId, int limit) {
        var query = em.createQuery("SELECT NEW io.skillform.delivery.DownloadLog.Line(e.id, e.downloadedAt, g.file.fileName,"
                        + " e.remoteAddress, e.userAgent, e.rangeStart, e.linkId) FROM DownloadEvent e, DownloadGrant g"
                        + " WHERE g.id = e.grantId AND e.orderId = :order"
                        + (beforeAt.isPresent() ? " AND (e.downloadedAt < :at OR (e.downloadedAt = :at AND e.id < :id))" : "")
                        + " ORDER BY e.downloadedAt DESC, e.id DESC", Line.class)
                .setParameter("order", orderId)
                .setMaxResults(limit);
        beforeAt.ifPresent(at -> query.setParameter("at", at).setParameter("id", beforeId));
        return query.getResultList();
    }

    public List<SharedLink> sharedLinks(long orderId) {
        return em.createQuery("SELECT NEW io.skillform.delivery.DownloadLog.SharedLink(e.linkId, g.file.fileName,"
                        + " COUNT(DISTINCT e.remoteAddress)) FROM DownloadEvent e, DownloadGrant g WHERE g.id = e.grantId"
                        + " AND e.orderId = :order GROUP BY e.linkId, g.file.fileName"
                        + " HAVING COUNT(DISTINCT e.remoteAddress) >= :many ORDER BY e.linkId", SharedLink.class)
                .setParameter("order", orderId)
                .setParameter("many", (long) SHARED_FROM_ADDRESSES)
                .getResultList();
    }
}
