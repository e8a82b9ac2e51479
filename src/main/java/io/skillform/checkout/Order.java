package io.skillform.checkout;

import io.skillform.delivery.Purchase;
import io.skillform.identity.EmailAddress;
import io.skillform.ledger.OrderMoney;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentFact;
import io.skillform.payment.PaymentProvider;
import io.skillform.shared.Money;
import io.skillform.shared.OrderNumber;
import io.skillform.webhook.OrderState;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A buyer's order: its items, total and the payment's state. Every change goes through a method that names what
 * happened and obeys {@link OrderStatus}'s rules; each status change is written to the order's history. Methods
 * that apply a PSP's report are idempotent — the same report twice changes nothing the second time — because
 * PSPs deliver at least once and in any order.
 */
@Entity(name = "CustomerOrder")
@Table(name = "customer_order")
public class Order {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The order's public name (128 random bits): its page's URL is a capability only the buyer holds. */
    @Column(nullable = false, unique = true, updatable = false, length = 22)
    private String reference;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(name = "buyer_email", nullable = false, updatable = false, length = 254)
    private String buyerEmail;

    @Column(name = "buyer_account_id", updatable = false)
    private Long buyerAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private OrderStatus status;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, updatable = false, length = 3))
    })
    private Money total;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private PaymentProvider gateway;

    @Column(name = "psp_session_id", length = 120)
    private String pspSessionId;

    @Column(name = "psp_payment_intent", length = 120)
    private String pspPaymentIntent;

    @Column(name = "payment_url", length = 1000)
    private String paymentUrl;

    @Column(name = "session_attempts", nullable = false)
    private int sessionAttempts;

    /** Set while the buyer may still pay, so the database allows one such order per buyer and product. */
    @Column(name = "pending_key", length = 64)
    private String pendingKey;

    /** A hash of who started the checkout (account or browser session): only they resume it. */
    @Column(name = "started_by", updatable = false, length = 64)
    private String startedBy;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Column(name = "flag_reason", length = 500)
    private String flagReason;

    /** When the PSP reported the order's price paid after the order had expired here: an admin may accept it. */
    @Column(name = "paid_after_expiry_at")
    private Instant paidAfterExpiryAt;

    @Column(name = "dispute_outcome", length = 16)
    private String disputeOutcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderTransition> history = new ArrayList<>();

    @Version
    private long version;

    protected Order() {
        // for JPA
    }

    private Order(long storeId, EmailAddress buyer, Long buyerAccountId, PaymentProvider gateway, Money total, Instant now) {
        this.reference = newReference();
        this.storeId = storeId;
        this.buyerEmail = buyer.value();
        this.buyerAccountId = buyerAccountId;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.total = Objects.requireNonNull(total, "total");
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new order for one product, waiting for payment through the gateway. */
    static Order place(long storeId, long productId, String title, Money amount, EmailAddress buyer, Long buyerAccountId,
                       PaymentProvider gateway, String requester, Instant now) {
        if (amount.isZero() || amount.isNegative()) {
            throw new IllegalArgumentException("An order to pay is for a positive amount");
        }
        Order order = new Order(storeId, buyer, buyerAccountId, gateway, amount, now);
        order.items.add(new OrderItem(order, productId, title, amount));
        order.pendingKey = pendingKey(buyer, productId);
        order.startedBy = requesterKey(requester);
        order.enter(OrderStatus.PENDING, "checkout started", now);
        return order;
    }

    /** A free product: the order is complete the moment it is placed, without any PSP. */
    static Order free(long storeId, long productId, String title, Money zero, EmailAddress buyer, Long buyerAccountId,
                      String requester, Instant now) {
        if (!zero.isZero()) {
            throw new IllegalArgumentException("Only a free product is ordered without payment");
        }
        Order order = new Order(storeId, buyer, buyerAccountId, PaymentProvider.NONE, zero, now);
        order.items.add(new OrderItem(order, productId, title, zero));
        order.startedBy = requesterKey(requester);
        order.enter(OrderStatus.PAID, "free product", now);
        order.paidAt = now;
        return order;
    }

    /** The key of "this buyer is paying for this product": the e-mail, case-insensitively, and the product. */
    static String pendingKey(EmailAddress buyer, long productId) {
        return sha256(buyer.value().toLowerCase(Locale.ROOT) + "|" + productId);
    }

    /** Whether this checkout was started by the requester (see {@link CheckoutRequest#requester()}). */
    boolean startedBy(String requester) {
        return startedBy != null && startedBy.equals(requesterKey(requester));
    }

    /** How a requester is stored: hashed, since it may name a browser session. */
    static String requesterKey(String requester) {
        return sha256(requester);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newReference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The idempotency key for creating this order's PSP session. It changes only after a failed attempt: Stripe
     * replays the stored answer for a key — a 500 included — so a retry after an error needs a fresh key, while a
     * double click (same attempt) gets the first session back.
     */
    public String sessionIdempotencyKey() {
        return "skillform-order-" + id + "-checkout-" + sessionAttempts;
    }

    void sessionCreationFailed(Instant now) {
        sessionAttempts++;
        updatedAt = now;
    }

    /** Remembers the PSP session the buyer pays on; a second report of the same session changes nothing. */
    void attachSession(GatewaySession session, Instant now) {
        if (session.id().equals(pspSessionId)) {
            return;
        }
        if (!status.isAwaitingPayment()) {
            throw new IllegalTransitionException("Order " + id + " is " + status.apiName() + "; it takes no new payment session");
        }
        if (pspSessionId != null && !pspSessionId.equals(session.id())) {
            throw new IllegalStateException("Order " + id + " already has session " + pspSessionId);
        }
        pspSessionId = session.id();
        paymentUrl = session.url();
        if (session.paymentIntent() != null) {
            pspPaymentIntent = session.paymentIntent();
        }
        updatedAt = now;
    }

    /**
     * The session or PaymentIntent the report names, if it is not this order's own: a report about another payment
     * must not move this order.
     */
    Optional<String> otherPaymentIn(PaymentFact.Locator reported) {
        Optional<String> session = reported.sessionId().filter(id -> pspSessionId != null && !pspSessionId.equals(id));
        return session.or(() -> reported.paymentIntent().filter(pi -> pspPaymentIntent != null && !pspPaymentIntent.equals(pi)));
    }

    /** The PSP captured {@code amount}. A different amount or currency flags the order instead: nothing is paid out. */
    String paid(Money amount, Optional<String> paymentIntent, String cause, Instant now) {
        if (status.wasPaid()) {
            return "already " + status.apiName();
        }
        // Kept even when flagged below: it is what an admin refunds.
        paymentIntent.ifPresent(pi -> pspPaymentIntent = pi);
        if (!amount.equals(total)) {
            flag("The PSP reported a payment of " + amount + " for an order of " + total, now);
            return "flagged: amount mismatch (" + amount + " reported, " + total + " ordered)";
        }
        if (status == OrderStatus.EXPIRED) {
            // The money is real even if our checkout had given up: an admin decides (deliver or refund).
            flag("Paid at the PSP after the order had expired here (" + amount + ")", now);
            paidAfterExpiryAt = now;
            return "flagged: paid after expiry";
        }
        move(OrderStatus.PAID, cause, now);
        paidAt = now;
        failureReason = null;
        pendingKey = null;
        return "paid";
    }

    /**
     * The PSP says the session was paid but not how much ({@code "amount_total": null}): nothing is paid on that word.
     * An order still waiting keeps waiting, and reconciliation reads the session, amount and all; one that had expired
     * here is flagged for an admin, as a payment after expiry is.
     */
    String paidWithoutAmount(Optional<String> paymentIntent, Instant now) {
        if (status.wasPaid()) {
            return "already " + status.apiName();
        }
        paymentIntent.ifPresent(pi -> pspPaymentIntent = pi);
        updatedAt = now;
        if (status == OrderStatus.EXPIRED) {
            flag("Reported paid at the PSP, without an amount, after the order had expired here", now);
            return "flagged: paid after expiry, no amount reported";
        }
        return "no amount reported: left to reconciliation, which reads the session";
    }

    /** The buyer completed the PSP's page with a delayed payment method: keep waiting. */
    String awaitingPayment(Optional<String> paymentIntent, Instant now) {
        paymentIntent.ifPresent(pi -> pspPaymentIntent = pi);
        updatedAt = now;
        return "awaiting a delayed payment";
    }

    /** A payment attempt failed. The buyer may still try again on the same session, so the pending key stays. */
    String failed(String reason, String cause, Instant now) {
        String trimmed = reason.length() <= 500 ? reason : reason.substring(0, 500);
        if (status == OrderStatus.FAILED) {
            failureReason = trimmed;
            updatedAt = now;
            return "already failed";
        }
        // Checked before anything changes: a refused move leaves the order as it was.
        move(OrderStatus.FAILED, cause, now);
        failureReason = trimmed;
        return "failed: " + failureReason;
    }

    /** The session can no longer be paid. */
    String expired(String cause, Instant now) {
        if (status == OrderStatus.EXPIRED) {
            return "already expired";
        }
        move(OrderStatus.EXPIRED, cause, now);
        pendingKey = null;
        return "expired";
    }

    /**
     * The PSP's cumulative refunded amount for the payment. Refund reports may arrive late or twice, so the
     * order keeps the largest total it has seen rather than adding amounts up.
     */
    String refundedInTotal(Money refunded, String cause, Instant now) {
        if (!refunded.currency().equals(total.currency()) || refunded.minor() > total.minor() || refunded.isNegative()) {
            flag("The PSP reported a refund total of " + refunded + " for an order of " + total, now);
            return "flagged: impossible refund total";
        }
        if (!status.wasPaid()) {
            throw new IllegalTransitionException("Order " + id + " is " + status.apiName() + ": nothing to refund");
        }
        if (refunded.minor() <= refundedMinor) {
            return "refund total unchanged (" + refunded + ")";
        }
        refundedMinor = refunded.minor();
        updatedAt = now;
        if (status != OrderStatus.DISPUTED) {
            OrderStatus next = refundedMinor == total.minor() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
            if (next != status) {
                move(next, cause, now);
            }
        }
        return "refunded " + refunded + " in total";
    }

    String disputed(String cause, Instant now) {
        if (status == OrderStatus.DISPUTED) {
            return "already disputed";
        }
        move(OrderStatus.DISPUTED, cause, now);
        disputeOutcome = "OPEN";
        return "disputed";
    }

    /** A won dispute returns the order to where it was; a lost one leaves it disputed, with the outcome noted. */
    String disputeClosed(boolean won, String cause, Instant now) {
        if (status != OrderStatus.DISPUTED) {
            throw new IllegalTransitionException("Order " + id + " is " + status.apiName() + ", not disputed");
        }
        disputeOutcome = won ? "WON" : "LOST";
        if (won) {
            move(refundedMinor == 0 ? OrderStatus.PAID
                    : refundedMinor == total.minor() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, cause, now);
        } else {
            updatedAt = now;
        }
        return "dispute " + disputeOutcome.toLowerCase(Locale.ROOT);
    }

    /**
     * An admin accepts the price the PSP took after the order had expired here: the one way out of EXPIRED, open only
     * to such an order. It is paid as of when the money came, and no longer flagged.
     */
    String acceptLatePayment(String cause, Instant now) {
        if (status != OrderStatus.EXPIRED || paidAfterExpiryAt == null) {
            throw new IllegalTransitionException("Order " + id + ": only an expired order whose price was paid afterwards"
                    + " can be accepted as paid (it is " + status.apiName() + ")");
        }
        enter(OrderStatus.PAID, cause, now);
        paidAt = paidAfterExpiryAt;
        paidAfterExpiryAt = null;
        flagReason = null;
        return "paid: late payment accepted";
    }

    /** Whether an admin may accept this order's late payment (see {@link #acceptLatePayment}). */
    public boolean isPaidAfterExpiry() {
        return status == OrderStatus.EXPIRED && paidAfterExpiryAt != null;
    }

    /** Puts the order in front of an admin; the status does not change. */
    void flag(String reason, Instant now) {
        flagReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        updatedAt = now;
    }

    private void move(OrderStatus next, String cause, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("Order " + id + ": " + status.apiName() + " → " + next.apiName()
                    + " is not allowed (" + cause + ")");
        }
        enter(next, cause, now);
    }

    private void enter(OrderStatus next, String cause, Instant now) {
        history.add(new OrderTransition(this, status, next, cause, now));
        status = next;
        updatedAt = now;
    }

    /** The order's money as the ledger reads it: captured, refunded in total, disputed. */
    public OrderMoney money() {
        OrderMoney.Dispute dispute = disputeOutcome == null ? OrderMoney.Dispute.NONE : OrderMoney.Dispute.valueOf(disputeOutcome);
        return new OrderMoney(id, storeId, total, status.wasPaid(), paidAt, Money.of(refundedMinor, total.currency()), dispute);
    }

    /**
     * The order as delivery reads it: the buyer keeps their files while it is paid or partly refunded — not once it is
     * refunded in full or disputed (a won dispute gives them back).
     */
    public Purchase purchase() {
        boolean entitled = status == OrderStatus.PAID || status == OrderStatus.PARTIALLY_REFUNDED;
        return new Purchase(id, reference, storeId, new EmailAddress(buyerEmail), buyerAccountId, entitled,
                entitled ? null : status.apiName().replace('_', ' '), paidAt, total, refunded(),
                items.stream().map(i -> new Purchase.Item(i.productId(), i.title(), i.amount())).toList());
    }

    /** The order as the creator's webhooks report it. */
    public OrderState webhookState() {
        return new OrderState(id, reference, storeId, status.apiName(), total, refunded(), disputeOutcome, paidAt, buyerEmail,
                items.stream().map(i -> new OrderState.Item(i.productId(), i.title(), i.amount())).toList());
    }

    /** What the buyer can still have refunded. */
    public Money refundable() {
        return status.wasPaid() && status != OrderStatus.DISPUTED
                ? Money.of(total.minor() - refundedMinor, total.currency()) : Money.zero(total.currency());
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    /** What buyer and creator quote: see {@link OrderNumber}. */
    public String number() {
        return OrderNumber.of(reference);
    }

    public long storeId() {
        return storeId;
    }

    public String buyerEmail() {
        return buyerEmail;
    }

    public Optional<Long> buyerAccountId() {
        return Optional.ofNullable(buyerAccountId);
    }

    public OrderStatus status() {
        return status;
    }

    public Money total() {
        return total;
    }

    public Money refunded() {
        return Money.of(refundedMinor, total.currency());
    }

    public PaymentProvider gateway() {
        return gateway;
    }

    public Optional<String> pspSessionId() {
        return Optional.ofNullable(pspSessionId);
    }

    public Optional<String> pspPaymentIntent() {
        return Optional.ofNullable(pspPaymentIntent);
    }

    public Optional<String> paymentUrl() {
        return Optional.ofNullable(paymentUrl);
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Optional<String> flagReason() {
        return Optional.ofNullable(flagReason);
    }

    public Optional<String> disputeOutcome() {
        return Optional.ofNullable(disputeOutcome);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public List<OrderItem> items() {
        return List.copyOf(items);
    }

    public List<OrderTransition> history() {
        return List.copyOf(history);
    }
}
