package io.skillform.webhook;

import io.skillform.catalog.Product;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the rest of SkillForm reports changes that creators' webhooks announce. Mandatory transactions: the event is
 * part of the change — recorded with it, or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Webhooks {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private EventRecorder recorder;

    @Inject
    private Site site;

    @Inject
    private Clock clock;

    /**
     * Called where an order's state changes (a PSP event applied, a refund confirmed, a free order placed), with the
     * order locked: emits what changed since the webhooks last reported the order, and nothing if nothing did.
     */
    public void orderChanged(OrderState order) {
        // Locked: two changes of one order meanwhile must not both think they report what is new.
        OrderWebhookState known = em.find(OrderWebhookState.class, order.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            known = new OrderWebhookState(order.orderId());
            em.persist(known);
        }
        Instant now = clock.instant();
        for (WebhookEventType type : known.catchUp(order)) {
            recorder.record(order.storeId(), type, "order:" + order.reference(), WebhookPayload.order(order),
                    recorder.subscribers(order.storeId(), type), now);
        }
    }

    /** A product was published, unpublished, archived or changed ({@code change} is the event's name). */
    public void productChanged(long productId, String change) {
        Product product = em.find(Product.class, productId);
        WebhookEventType type = WebhookEventType.ofProductChange(change);
        String url = site.url("/@" + product.store().handle().value() + "/" + product.slug().value());
        recorder.record(product.store().id(), type, "product:" + productId, WebhookPayload.product(product, url),
                recorder.subscribers(product.store().id(), type), clock.instant());
    }

    /**
     * A learner's step in a course (enrolled, a lesson or the course completed), in the transaction that records it;
     * ordered with the enrolment's other events.
     */
    public void learnerEvent(long storeId, WebhookEventType type, long enrolmentId, JsonObject data) {
        recorder.record(storeId, type, "enrollment:" + enrolmentId, data, recorder.subscribers(storeId, type), clock.instant());
    }
}
