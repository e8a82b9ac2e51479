package io.skillform.webhook;

import io.skillform.identity.Account;
import io.skillform.mail.MailMessage;
import io.skillform.mail.Outbox;
import io.skillform.platform.JobLeases;
import io.skillform.platform.Lease;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The transactions around an attempt ({@link WebhookDispatch} sends between them, outside any): claiming a due
 * delivery under its row lock, recording the outcome, and the sweep that queues retries when they fall due.
 */
@Stateless
public class DeliveryRecords {

    private static final Logger LOG = Logger.getLogger(DeliveryRecords.class.getName());

    /** How long a claim lasts: longer than an attempt can take (connect + answer timeouts), then it lapses. */
    static final Duration CLAIM = WebhookClient.TIMEOUT.multipliedBy(2).plus(Duration.ofMinutes(1));
    private static final int SWEEP_BATCH = 200;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private WebhookQueue queue;

    @Inject
    private WebhookSettings settings;

    @Inject
    private Outbox outbox;

    @Inject
    private Site site;

    @Inject
    private JobLeases leases;

    @Inject
    private Clock clock;

    /**
     * Claims the delivery's next attempt if it is due, its endpoint enabled and no older delivery with its ordering key
     * to the same endpoint is unfinished (that one queues this one when it is done). Two nodes holding the same message
     * meet at the row lock; the second finds it claimed.
     */
    public Optional<Send> claim(long deliveryId) {
        Instant now = clock.instant();
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.isDue(now)) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
        // A disabled endpoint's deliveries wait: the sweep queues them again once it is enabled.
        if (endpoint == null || !endpoint.isEnabled() || firstInLine(delivery, "<", WebhookDelivery.State.UNFINISHED).isPresent()) {
            return Optional.empty();
        }
        delivery.claim(now, CLAIM);
        WebhookEvent event = delivery.event();
        return Optional.of(new Send(deliveryId, endpoint.endpointUrl(), event.messageId(), event.payload(),
                endpoint.signingSecrets(now)));
    }

    /**
     * Logs the attempt and moves the delivery on: done, retried later, or abandoned; counts it for or against the
     * endpoint, which may be disabled by it (its creator is mailed). A finished delivery lets the next one with its
     * ordering key go.
     */
    public void complete(long deliveryId, Attempt attempt) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return; // its endpoint was deleted while the attempt was under way
        }
        em.persist(new WebhookAttempt(deliveryId, attempt));
        if (delivery.state() != WebhookDelivery.State.SENDING) {
            // The claim lapsed meanwhile and the delivery was taken up again: the log has this attempt, the state is newer.
            return;
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (attempt.succeeded()) {
            delivery.succeeded(attempt);
            endpoint.succeeded();
        } else {
            delivery.failed(attempt, settings.schedule());
            if (endpoint.failed(settings.disablePolicy(), now)) {
                disabled(endpoint, now);
            }
        }
        if (!delivery.isOpen()) {
            firstInLine(delivery, ">", WebhookDelivery.State.OPEN).filter(next -> next.isDue(now)).ifPresent(next -> queue.send(next, now));
        }
    }

    /** The first delivery with this one's ordering key to its endpoint, before ("<") or after (">") it, in the states. */
    private Optional<WebhookDelivery> firstInLine(WebhookDelivery delivery, String side, Set<WebhookDelivery.State> states) {
        return em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpoint AND d.orderingKey = :key"
                        + " AND d.id " + side + " :id AND d.state IN :states ORDER BY d.id", WebhookDelivery.class)
                .setParameter("endpoint", delivery.endpointId())
                .setParameter("key", delivery.orderingKey())
                .setParameter("id", delivery.id())
                .setParameter("states", states)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Deliveries still open stop; the creator learns why, once (the endpoint is disabled only once until re-enabled). */
    private void disabled(WebhookEndpoint endpoint, Instant now) {
        abandonOpen(endpoint.id(), "The endpoint was disabled after failing continuously.");
        Account owner = em.createQuery("SELECT a FROM Account a WHERE a.id = (SELECT s.ownerId FROM Store s WHERE s.id = :store)",
                        Account.class)
                .setParameter("store", endpoint.storeId())
                .getSingleResult();
        String page = site.url("/dashboard/webhooks");
        outbox.enqueue(new MailMessage(owner.email(), "Your webhook endpoint was disabled",
                "SkillForm stopped sending webhooks to\n\n  " + endpoint.url() + "\n\n"
                        + endpoint.disabledReason().orElse("") + "\n\nEvents since then are in its delivery log. Once the endpoint"
                        + " answers again, enable it on " + page + " and send the events you need again.\n", null));
        LOG.info(() -> "Webhook endpoint " + endpoint.id() + " disabled at " + now + ": " + endpoint.disabledReason().orElse(""));
    }

    /** Every open delivery to the endpoint stops, with the reason in its log line. */
    private void abandonOpen(long endpointId, String why) {
        em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpoint AND d.state IN :open", WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setParameter("open", WebhookDelivery.State.OPEN)
                .getResultStream().forEach(d -> d.abandon(why));
    }

    /**
     * Queues what has fallen due: retries whose wait is over, deliveries whose message was lost, claims of a node that
     * stopped mid-attempt. Returns how many were queued. Only while {@code lease} is this node's: a node that lost it
     * meanwhile queues nothing, so two nodes never sweep at once.
     */
    public int sweep(Lease lease) {
        Instant now = clock.instant();
        em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.state = :sending AND d.claimedUntil < :now", WebhookDelivery.class)
                .setParameter("sending", WebhookDelivery.State.SENDING)
                .setParameter("now", now)
                .setMaxResults(SWEEP_BATCH)
                .getResultStream().forEach(d -> d.claimLapsed(now));
        em.flush();
        List<WebhookDelivery> due = em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.state IN :open AND d.nextAttemptAt <= :now"
                        + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)"
                        + " AND d.endpointId IN (SELECT e.id FROM WebhookEndpoint e WHERE e.status = :enabled)"
                        + " AND NOT EXISTS (SELECT o.id FROM WebhookDelivery o WHERE o.endpointId = d.endpointId"
                        + " AND o.orderingKey = d.orderingKey AND o.id < d.id AND o.state IN :unfinished)"
                        + " ORDER BY d.id", WebhookDelivery.class)
                .setParameter("open", WebhookDelivery.State.OPEN)
                .setParameter("now", now)
                .setParameter("enabled", WebhookEndpoint.Status.ENABLED)
                .setParameter("unfinished", WebhookDelivery.State.UNFINISHED)
                .setMaxResults(SWEEP_BATCH)
                .getResultList();
        due.forEach(d -> queue.send(d, now));
        leases.confirm(lease);
        return due.size();
    }
}
