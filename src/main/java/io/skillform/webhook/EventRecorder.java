package io.skillform.webhook;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Writes an event and a delivery per endpoint, and queues the deliveries — all in the caller's transaction, the one
 * that made the change (the outbox pattern: no event for a change that rolled back, none lost for one that committed).
 */
@Dependent
class EventRecorder {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private WebhookQueue queue;

    @Inject
    private WebhookSettings settings;

    /**
     * The store's endpoints that subscribe to the type, disabled ones too: their deliveries are kept and wait, and go
     * out in order when the endpoint is enabled again (the sweep takes only enabled endpoints' deliveries).
     */
    List<WebhookEndpoint> subscribers(long storeId, WebhookEventType type) {
        return em.createQuery("SELECT e FROM WebhookEndpoint e WHERE e.storeId = :store ORDER BY e.id", WebhookEndpoint.class)
                .setParameter("store", storeId)
                .getResultStream().filter(endpoint -> endpoint.subscribes(type)).toList();
    }

    /** Nothing at all when no endpoint is given: events nobody receives are not kept. */
    void record(long storeId, WebhookEventType type, String orderingKey, JsonObject data, List<WebhookEndpoint> to, Instant now) {
        if (to.isEmpty()) {
            return;
        }
        WebhookEvent event = new WebhookEvent(storeId, type, orderingKey, WebhookPayload.of(type, now, data), now);
        em.persist(event);
        for (WebhookEndpoint endpoint : to) {
            WebhookDelivery delivery = new WebhookDelivery(event, endpoint.id(), settings.schedule().retries(), now, WebhookQueue.QUEUED);
            em.persist(delivery);
            em.flush(); // assigns the id the message carries
            if (endpoint.isEnabled()) {
                queue.send(delivery, now);
            }
        }
    }
}
