package io.skillform.payment;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where PSP events enter: stored raw, at most once per (provider, event id), and queued for processing in the
 * same transaction — so an event is never acknowledged without being kept, nor kept without being queued.
 */
@Stateless
public class PaymentEventInbox {

    /** What became of a received event. */
    public enum Receipt { STORED, DUPLICATE }

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/skillform.payments")
    private Queue queue;

    private final Clock clock = Clock.systemUTC();

    /**
     * Stores the event unless it is known already. An insert that ignores the unique key, rather than a lookup
     * first, so two deliveries of one event racing on two nodes still store and queue it once.
     *
     * @param raw the body exactly as received; {@code event} is its parsed form
     */
    public Receipt receive(PaymentProvider provider, PspEvent event, String raw, PaymentEvent.Source source) {
        boolean handled = PaymentFact.of(event).isPresent();
        int inserted = em.createNativeQuery("INSERT IGNORE INTO payment_event"
                        + " (provider, event_id, type, payload, source, status, outcome, attempts, received_at, processed_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .setParameter(1, provider.name())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, raw)
                .setParameter(5, source.name())
                .setParameter(6, handled ? PaymentEvent.Status.RECEIVED.name() : PaymentEvent.Status.IGNORED.name())
                .setParameter(7, handled ? null : "SkillForm does not act on " + event.type())
                .setParameter(8, Timestamp.from(now()))
                .setParameter(9, handled ? null : Timestamp.from(now()))
                .setParameter(10, Timestamp.from(now().plus(PaymentEvent.FIRST_REQUEUE_AFTER)))
                .executeUpdate();
        if (inserted == 0) {
            return Receipt.DUPLICATE;
        }
        if (handled) {
            enqueue(em.createQuery("SELECT e.id FROM PaymentEvent e WHERE e.provider = :provider AND e.eventId = :eventId",
                            Long.class)
                    .setParameter("provider", provider)
                    .setParameter("eventId", event.id())
                    .getSingleResult());
        }
        return Receipt.STORED;
    }

    /** Kept even though the processing transaction rolls back: the admin page shows why an event is stuck. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(long paymentEventId, String error) {
        PaymentEvent event = em.find(PaymentEvent.class, paymentEventId);
        if (event != null && !event.isSettled()) {
            event.recordFailure(error);
        }
    }

    /**
     * Queues an unsettled event again (admin "retry", reconciliation) and sets when it is due next; a settled one is left
     * alone. Under the row's lock, as processing takes it: one being processed right now is queued after that is done.
     */
    public boolean requeue(long paymentEventId) {
        PaymentEvent event = em.find(PaymentEvent.class, paymentEventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || event.isSettled()) {
            return false;
        }
        event.requeued(now());
        enqueue(event.id());
        return true;
    }

    /** Unsettled events whose next attempt is due at {@code now}, the most overdue first. */
    public List<PaymentEvent> dueForRequeue(Instant now, int limit) {
        return em.createQuery("SELECT e FROM PaymentEvent e WHERE e.status = :received AND e.nextAttemptAt <= :now"
                        + " ORDER BY e.nextAttemptAt, e.id", PaymentEvent.class)
                .setParameter("received", PaymentEvent.Status.RECEIVED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The latest events settled as being about another system's payments. */
    public List<PaymentEvent> recentlyUnmatched(int limit) {
        return em.createQuery("SELECT e FROM PaymentEvent e WHERE e.status = :unmatched ORDER BY e.receivedAt DESC, e.id DESC",
                        PaymentEvent.class)
                .setParameter("unmatched", PaymentEvent.Status.UNMATCHED)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Events still unsettled a while after they arrived: the broker gave up on them, or is still retrying. */
    public List<PaymentEvent> unsettledSince(Instant before, int limit) {
        return em.createQuery("SELECT e FROM PaymentEvent e WHERE e.status = :received AND e.receivedAt < :before"
                        + " ORDER BY e.receivedAt", PaymentEvent.class)
                .setParameter("received", PaymentEvent.Status.RECEIVED)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    private void enqueue(long paymentEventId) {
        jms.createProducer().send(queue, paymentEventId);
    }

    private Instant now() {
        return clock.instant();
    }
}
