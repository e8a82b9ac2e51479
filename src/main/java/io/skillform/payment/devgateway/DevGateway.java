package io.skillform.payment.devgateway;

import io.skillform.payment.EventPage;
import io.skillform.payment.GatewayException;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentGateway;
import io.skillform.payment.PaymentProvider;
import io.skillform.payment.RefundRequest;
import io.skillform.payment.RefundResult;
import io.skillform.payment.SessionRequest;
import io.skillform.platform.Site;
import io.skillform.shared.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dev gateway's "PSP side". Its own transactions (REQUIRES_NEW): like a real PSP, what it did stays done even
 * if the caller's transaction rolls back. Each state change records an event, delivered as a webhook after commit.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DevGateway implements PaymentGateway {

    static final Duration SESSION_LIFETIME = Duration.ofHours(24);
    private static final int PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private DevWebhookSender sender;

    @Inject
    private Site site;

    private final Clock clock = Clock.systemUTC();

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.DEV;
    }

    /** The same idempotency key always answers the session it first created. */
    @Override
    public GatewaySession createSession(SessionRequest request) {
        Optional<DevGatewaySession> earlier = em.createQuery(
                        "SELECT s FROM DevGatewaySession s WHERE s.idempotencyKey = :key", DevGatewaySession.class)
                .setParameter("key", request.idempotencyKey())
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return view(earlier.get());
        }
        Instant now = clock.instant();
        DevGatewaySession session = new DevGatewaySession("cs_dev_" + token(), "pi_dev_" + token(), request.idempotencyKey(),
                String.valueOf(request.orderId()), request.description(), request.buyerEmail(), request.amount(),
                request.successUrl(), request.cancelUrl(), now, now.plus(SESSION_LIFETIME));
        em.persist(session);
        return view(session);
    }

    @Override
    public GatewaySession session(String sessionId) throws GatewayException {
        return view(find(sessionId));
    }

    /** For the hosted page. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DevGatewaySession> find(String sessionId, boolean forUpdate) {
        DevGatewaySession session = forUpdate
                ? em.find(DevGatewaySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(DevGatewaySession.class, sessionId);
        return Optional.ofNullable(session);
    }

    @Override
    public GatewaySession expireSession(String sessionId, String idempotencyKey) throws GatewayException {
        DevGatewaySession session = lock(sessionId);
        if ("open".equals(session.status())) {
            session.expire();
            emit("checkout.session.expired", sessionObject(session));
        }
        return view(session);
    }

    @Override
    public EventPage events(Instant since, String startingAfter) {
        long before = startingAfter == null ? Long.MAX_VALUE : ((Number) em.createNativeQuery(
                        "SELECT COALESCE(MAX(seq), 0) FROM dev_gateway_event WHERE id = ?")
                .setParameter(1, startingAfter).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, payload FROM dev_gateway_event"
                        + " WHERE created_at >= ? AND seq < ? ORDER BY seq DESC LIMIT " + (PAGE + 1))
                .setParameter(1, Timestamp.from(since))
                .setParameter(2, before)
                .getResultList();
        boolean more = rows.size() > PAGE;
        List<Object[]> page = more ? rows.subList(0, PAGE) : rows;
        return new EventPage(page.stream().map(r -> (String) r[1]).toList(), more,
                page.isEmpty() ? null : (String) page.get(page.size() - 1)[0]);
    }

    /** Refunds are keyed by their idempotency key: the same request twice refunds once. */
    @Override
    public RefundResult refund(RefundRequest request) throws GatewayException {
        String refundId = "re_dev_" + digest(request.idempotencyKey());
        String eventId = "evt_" + refundId;
        if (eventExists(eventId)) {
            return new RefundResult(refundId, "succeeded");
        }
        DevGatewaySession session = em.createQuery(
                        "SELECT s FROM DevGatewaySession s WHERE s.paymentIntent = :pi", DevGatewaySession.class)
                .setParameter("pi", request.paymentIntent())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new GatewayException("No such payment: " + request.paymentIntent(), true, null));
        if (!session.amount().currency().equals(request.amount().currency())) {
            throw new GatewayException("Refund currency differs from the payment's", true, null);
        }
        try {
            session.refund(request.amount().minor());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new GatewayException(e.getMessage(), true, e);
        }
        emit(eventId, "charge.refunded", chargeObject(session));
        return new RefundResult(refundId, "succeeded");
    }

    /** The dev gateway's price, like a card PSP's: 2.9 % (rounded half up) + 30 minor units, once a session is paid. */
    @Override
    public Optional<Money> processingFee(String paymentIntent) {
        return em.createQuery("SELECT s FROM DevGatewaySession s WHERE s.paymentIntent = :pi", DevGatewaySession.class)
                .setParameter("pi", paymentIntent)
                .getResultStream().findFirst()
                .filter(session -> "paid".equals(session.paymentStatus()))
                .map(session -> Money.of(Math.min(session.amount().minor(),
                        (session.amount().minor() * 29 + 500) / 1000 + 30), session.amount().currency()));
    }

    /** The buyer pays on the hosted page. */
    public DevGatewaySession pay(String sessionId) throws GatewayException {
        DevGatewaySession session = requireOpen(sessionId);
        session.pay();
        emit("checkout.session.completed", sessionObject(session));
        return session;
    }

    /** The buyer's card is declined; the session stays open for another try, as on Stripe's page. */
    public DevGatewaySession decline(String sessionId) throws GatewayException {
        DevGatewaySession session = requireOpen(sessionId);
        emit("payment_intent.payment_failed", Json.createObjectBuilder()
                .add("id", session.paymentIntent())
                .add("object", "payment_intent")
                .add("amount", session.amount().minor())
                .add("currency", currency(session))
                .add("metadata", metadata(session))
                .add("last_payment_error", Json.createObjectBuilder()
                        .add("code", "card_declined").add("message", "Your card was declined."))
                .build());
        return session;
    }

    /** The buyer walks away; the session expires at once instead of after 24 hours. */
    public DevGatewaySession abandon(String sessionId) throws GatewayException {
        DevGatewaySession session = requireOpen(sessionId);
        session.expire();
        emit("checkout.session.expired", sessionObject(session));
        return session;
    }

    private DevGatewaySession requireOpen(String sessionId) throws GatewayException {
        DevGatewaySession session = lock(sessionId);
        if (!session.isOpen(clock.instant())) {
            throw new GatewayException("This checkout session is " + ("open".equals(session.status()) ? "past its expiry"
                    : session.status()) + " and can no longer be paid", true, null);
        }
        return session;
    }

    private DevGatewaySession find(String sessionId) throws GatewayException {
        return find(sessionId, false).orElseThrow(() -> new GatewayException("No such checkout session: " + sessionId, true, null));
    }

    private DevGatewaySession lock(String sessionId) throws GatewayException {
        return find(sessionId, true).orElseThrow(() -> new GatewayException("No such checkout session: " + sessionId, true, null));
    }

    private void emit(String type, JsonObject object) {
        emit("evt_dev_" + token(), type, object);
    }

    /** Records the event with the state change; it goes out as a webhook only once that change has committed. */
    private void emit(String eventId, String type, JsonObject object) {
        Instant now = clock.instant();
        String payload = Json.createObjectBuilder()
                .add("id", eventId)
                .add("object", "event")
                .add("api_version", "2025-10-29.clover")
                .add("created", now.getEpochSecond())
                .add("livemode", false)
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("object", object))
                .build().toString();
        em.createNativeQuery("INSERT INTO dev_gateway_event (id, type, payload, created_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, payload).setParameter(4, Timestamp.from(now))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.deliver(payload);
                }
            }
        });
    }

    private boolean eventExists(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM dev_gateway_event WHERE id = ?").setParameter(1, eventId)
                .getResultList().isEmpty();
    }

    private JsonObject sessionObject(DevGatewaySession s) {
        return Json.createObjectBuilder()
                .add("id", s.id())
                .add("object", "checkout.session")
                .add("amount_total", s.amount().minor())
                .add("currency", currency(s))
                .add("client_reference_id", s.orderRef())
                .add("customer_email", s.customerEmail())
                .add("metadata", metadata(s))
                .add("payment_intent", s.paymentIntent())
                .add("payment_status", s.paymentStatus())
                .add("status", s.status())
                .add("url", url(s))
                .add("created", s.createdAt().getEpochSecond())
                .add("expires_at", s.expiresAt().getEpochSecond())
                .build();
    }

    private JsonObject chargeObject(DevGatewaySession s) {
        return Json.createObjectBuilder()
                .add("id", "ch_" + s.paymentIntent().substring(3))
                .add("object", "charge")
                .add("amount", s.amount().minor())
                .add("amount_refunded", s.amountRefunded())
                .add("currency", currency(s))
                .add("paid", true)
                .add("refunded", s.amountRefunded() == s.amount().minor())
                .add("payment_intent", s.paymentIntent())
                .add("metadata", metadata(s))
                .build();
    }

    private static JsonObjectBuilder metadata(DevGatewaySession s) {
        return Json.createObjectBuilder().add("order_id", s.orderRef());
    }

    private static String currency(DevGatewaySession s) {
        return s.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private String url(DevGatewaySession s) {
        return site.url("/dev-gateway/sessions/" + s.id());
    }

    private GatewaySession view(DevGatewaySession s) {
        return new GatewaySession(s.id(), url(s), s.status(), s.paymentStatus(), s.amount(), s.paymentIntent(),
                Optional.of(Long.parseLong(s.orderRef())));
    }

    private static String token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
