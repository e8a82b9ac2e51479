package io.skillform.webhook;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A creator's use cases on their webhook endpoints; each public method is one transaction. Every id is checked
 * against the creator's own store: someone else's endpoint or delivery is "not found", exactly like a missing one.
 */
@Stateless
public class WebhookEndpoints {

    static final int MAX_ENDPOINTS = 10;
    static final int MAX_PAGE = 50;
    static final int TESTS_PER_HOUR = 10;
    private static final int MAX_ATTEMPTS_SHOWN = 50;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private WebhookSettings settings;

    @Inject
    private EventRecorder recorder;

    @Inject
    private WebhookQueue queue;

    @Inject
    private Clock clock;

    /** Registers an endpoint; its secret is in the answer and never shown again. */
    public IssuedSecret register(long ownerId, String url, String description, Collection<String> eventTypes) {
        long store = storeOf(ownerId);
        EndpointUrl checked = obeying(() -> settings.guard().check(EndpointUrl.parse(url)));
        List<WebhookEventType> types = obeying(() -> eventTypes.stream().map(WebhookEventType::parse).toList());
        if (count(store) >= MAX_ENDPOINTS) {
            throw new WebhookException("A store has at most " + MAX_ENDPOINTS + " webhook endpoints.");
        }
        WebhookSecret secret = WebhookSecret.generate();
        WebhookEndpoint endpoint = obeying(() -> new WebhookEndpoint(store, checked, description, types, secret, clock.instant()));
        em.persist(endpoint);
        em.flush(); // assigns the id
        return new IssuedSecret(endpoint.id(), endpoint.url(), secret.value());
    }

    /** A new secret, shown once; the old one keeps signing too for the grace period, so the receiver can switch. */
    public IssuedSecret rotateSecret(long ownerId, long endpointId) {
        WebhookEndpoint endpoint = locked(ownerId, endpointId);
        WebhookSecret secret = endpoint.rotateSecret(settings.rotationGrace(), clock.instant());
        return new IssuedSecret(endpoint.id(), endpoint.url(), secret.value());
    }

    /** Paused by the creator: deliveries wait, and go out when the endpoint is enabled again. */
    public void disable(long ownerId, long endpointId) {
        locked(ownerId, endpointId).disable("Disabled by you.", clock.instant());
    }

    /** Back in service with a clean failure count; waiting deliveries are queued by the next sweep. */
    public void enable(long ownerId, long endpointId) {
        WebhookEndpoint endpoint = locked(ownerId, endpointId);
        obeying(() -> settings.guard().check(endpoint.endpointUrl()));
        endpoint.enable();
    }

    /** The endpoint, its deliveries and their attempts (the events stay: other endpoints may have them too). */
    public void delete(long ownerId, long endpointId) {
        em.remove(locked(ownerId, endpointId));
    }

    /**
     * Queues a {@code webhook.test} event to this endpoint alone — {@value #TESTS_PER_HOUR} an hour at most, so the
     * button cannot turn this server into a source of traffic at someone's URL.
     */
    public void sendTest(long ownerId, long endpointId) {
        WebhookEndpoint endpoint = locked(ownerId, endpointId);
        if (!endpoint.isEnabled()) {
            throw new WebhookException("Enable the endpoint first.");
        }
        long recent = em.createQuery("SELECT COUNT(d) FROM WebhookDelivery d WHERE d.endpointId = :endpoint"
                        + " AND d.event.type = io.skillform.webhook.WebhookEventType.WEBHOOK_TEST AND d.createdAt > :since", Long.class)
                .setParameter("endpoint", endpointId)
                .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
                .getSingleResult();
        if (recent >= TESTS_PER_HOUR) {
            throw new WebhookException("This endpoint got " + recent + " test events in the last hour; that is the most an hour.");
        }
        recorder.record(endpoint.storeId(), WebhookEventType.WEBHOOK_TEST, "test:" + endpointId, WebhookPayload.test(endpointId),
                List.of(endpoint), clock.instant());
    }

    /** "Send again": one attempt now, after whatever happened before. */
    public void sendAgain(long ownerId, long deliveryId) {
        requireOwnDelivery(ownerId, deliveryId);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        WebhookEndpoint endpoint = locked(ownerId, delivery.endpointId());
        if (!endpoint.isEnabled()) {
            throw new WebhookException("Enable the endpoint first.");
        }
        Instant now = clock.instant();
        obeying(() -> {
            delivery.sendAgain(now, WebhookQueue.QUEUED);
            return delivery;
        });
        queue.send(delivery, now);
    }

    /** Checked before anything is read or locked: another store's delivery and a missing one get the same answer. */
    private void requireOwnDelivery(long ownerId, long deliveryId) {
        boolean own = !em.createQuery("SELECT d.id FROM WebhookDelivery d, WebhookEndpoint e WHERE d.id = :delivery"
                        + " AND e.id = d.endpointId AND e.storeId IN (SELECT s.id FROM Store s WHERE s.ownerId = :owner)", Long.class)
                .setParameter("delivery", deliveryId)
                .setParameter("owner", ownerId)
                .getResultList().isEmpty();
        if (!own) {
            throw new WebhookException("No such delivery.");
        }
    }

    public List<WebhookEndpoint> endpointsOf(long ownerId) {
        return em.createQuery("SELECT e FROM WebhookEndpoint e WHERE e.storeId IN (SELECT s.id FROM Store s WHERE s.ownerId = :owner)"
                        + " ORDER BY e.id", WebhookEndpoint.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }

    /** One page of the endpoint's delivery log, newest first. */
    public List<WebhookDelivery> deliveries(long ownerId, long endpointId, int offset, int limit) {
        owned(ownerId, endpointId);
        return em.createQuery("SELECT d FROM WebhookDelivery d JOIN FETCH d.event WHERE d.endpointId = :endpoint ORDER BY d.id DESC",
                        WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE))
                .getResultList();
    }

    public long countDeliveries(long ownerId, long endpointId) {
        owned(ownerId, endpointId);
        return em.createQuery("SELECT COUNT(d) FROM WebhookDelivery d WHERE d.endpointId = :endpoint", Long.class)
                .setParameter("endpoint", endpointId)
                .getSingleResult();
    }

    /** A delivery's attempts, newest first (the latest {@value #MAX_ATTEMPTS_SHOWN}). */
    public List<WebhookAttempt> attempts(long ownerId, long deliveryId) {
        requireOwnDelivery(ownerId, deliveryId);
        return em.createQuery("SELECT a FROM WebhookAttempt a WHERE a.deliveryId = :delivery ORDER BY a.id DESC", WebhookAttempt.class)
                .setParameter("delivery", deliveryId)
                .setMaxResults(MAX_ATTEMPTS_SHOWN)
                .getResultList();
    }

    /** The creator's endpoint, locked for a change (a delivery's outcome may be counting on it at the same time). */
    private WebhookEndpoint locked(long ownerId, long endpointId) {
        WebhookEndpoint endpoint = owned(ownerId, endpointId);
        em.lock(endpoint, LockModeType.PESSIMISTIC_WRITE);
        return endpoint;
    }

    private WebhookEndpoint owned(long ownerId, long endpointId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.storeId() != storeOf(ownerId)) {
            throw new WebhookException("No such webhook endpoint.");
        }
        return endpoint;
    }

    private long storeOf(long ownerId) {
        return em.createQuery("SELECT s.id FROM Store s WHERE s.ownerId = :owner", Long.class)
                .setParameter("owner", ownerId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new WebhookException("Open a store first."));
    }

    private long count(long storeId) {
        return em.createQuery("SELECT COUNT(e) FROM WebhookEndpoint e WHERE e.storeId = :store", Long.class)
                .setParameter("store", storeId)
                .getSingleResult();
    }

    /** Turns a broken rule (the domain's refusal) into a message for the creator, rolling back. */
    private static <T> T obeying(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WebhookException(e.getMessage());
        }
    }
}
