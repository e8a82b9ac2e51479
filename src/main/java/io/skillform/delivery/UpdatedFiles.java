package io.skillform.delivery;

import io.skillform.catalog.ProductFileAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * A file added to a product reaches everyone who bought it before: each order holding a grant for the product gets
 * one for the new file, with the same buyer, policy and revocation — in the transaction that adds the file, one
 * statement however many buyers there are. They find it in their library (no mail is sent).
 */
@ApplicationScoped
class UpdatedFiles {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Clock clock;

    void fileAdded(@Observes(during = TransactionPhase.IN_PROGRESS) ProductFileAdded added) {
        em.flush();
        em.createNativeQuery("INSERT INTO download_grant (order_id, store_id, product_id, product_file_id, buyer_email,"
                        + " buyer_account_id, download_limit, link_lifetime_hours, granted_at, revoked_at, revoked_reason)"
                        + " SELECT g.order_id, g.store_id, g.product_id, ?, g.buyer_email, g.buyer_account_id, g.download_limit,"
                        + " g.link_lifetime_hours, ?, g.revoked_at, g.revoked_reason FROM download_grant g"
                        + " WHERE g.product_id = ? AND g.id = (SELECT MIN(x.id) FROM download_grant x"
                        + " WHERE x.order_id = g.order_id AND x.product_id = g.product_id)")
                .setParameter(1, added.fileId())
                .setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, added.productId())
                .executeUpdate();
    }
}
