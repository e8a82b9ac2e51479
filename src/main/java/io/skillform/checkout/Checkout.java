package io.skillform.checkout;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.identity.EmailAddress;
import io.skillform.payment.GatewayException;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentFact;
import io.skillform.payment.PaymentGateway;
import io.skillform.payment.PaymentGateways;
import io.skillform.payment.SessionRequest;
import io.skillform.platform.Site;
import io.skillform.shared.Money;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starting a checkout. Not one transaction but a sequence: place (or find) the order, ask the PSP for a hosted
 * session, record it — because a network call must never hold database locks. Every step is safe to repeat: the
 * order is unique per buyer and product while unpaid, and the session is created with a key derived from it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Checkout {

    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

    @Inject
    private Catalog catalog;

    @Inject
    private Orders orders;

    @Inject
    private OrderPayments payments;

    @Inject
    private PaymentGateways gateways;

    @Inject
    private Site site;

    /**
     * Returns the order to pay (its payment URL set) — the same one and the same PSP session when the buyer has
     * one in progress for this product and amount — or, for a free product, the completed order.
     *
     * @throws CheckoutException with a message for the buyer; nothing was charged ({@link CheckoutException.Unavailable}
     *         when asking again later may succeed)
     */
    public Order start(CheckoutRequest request) {
        Product product = catalog.findPublished(request.productId())
                .orElseThrow(() -> new CheckoutException("This product is not on sale."));
        EmailAddress buyer = EmailAddress.parse(request.email())
                .orElseThrow(() -> new CheckoutException("Enter a valid e-mail address: your purchase is sent there."));
        Money amount = amountFor(product, request.amount());
        if (amount.isZero()) {
            return orders.placeFree(product, buyer, request.buyerAccountId(), request.requester());
        }
        PaymentGateway gateway = gateways.forCheckout()
                .orElseThrow(() -> new CheckoutException.Unavailable("This shop cannot take payments right now. Nothing was charged."));
        Order order = placeOrReuse(product, amount, buyer, request, gateway);
        // Resumed only by whoever started it: someone else typing the buyer's e-mail must not be sent to their payment.
        if (!order.total().equals(amount) || order.gateway() != gateway.provider() || !order.startedBy(request.requester())) {
            replace(order);
            order = placeOrReuse(product, amount, buyer, request, gateway);
        }
        return order.paymentUrl().isPresent() ? order : openSession(order, product, gateway);
    }

    private static Money amountFor(Product product, String typed) {
        if (!product.isPayWhatYouWant()) {
            return product.price();
        }
        Money amount;
        try {
            amount = Money.ofMajor(typed, product.price().currency());
        } catch (IllegalArgumentException e) {
            throw new CheckoutException(e.getMessage());
        }
        if (amount.minor() > Product.MAX_PRICE_MINOR) {
            throw new CheckoutException("Pay at most " + Money.of(Product.MAX_PRICE_MINOR, amount.currency()).format(Locale.US) + ".");
        }
        if (!product.accepts(amount)) {
            throw new CheckoutException("Pay at least " + product.price().format(Locale.US) + ".");
        }
        return amount;
    }

    /** A double click races two inserts; the loser's transaction fails on the unique key and takes the winner's order. */
    private Order placeOrReuse(Product product, Money amount, EmailAddress buyer, CheckoutRequest request, PaymentGateway gateway) {
        try {
            return orders.placeOrReuse(product, amount, buyer, request.buyerAccountId(), gateway.provider(), request.requester());
        } catch (EJBException lostRace) {
            return orders.awaitingPayment(buyer, product.id()).orElseThrow(() -> lostRace);
        }
    }

    /**
     * The buyer wants to pay another amount (or the gateway changed, or someone else started the old checkout): the old
     * session is closed at the PSP first, so it can no longer be paid alongside the new one. If it was paid meanwhile, that payment is recorded instead.
     */
    private void replace(Order old) {
        if (old.pspSessionId().isPresent()) {
            PaymentGateway gateway = gateways.of(old.gateway())
                    .orElseThrow(() -> new CheckoutException.Unavailable("Your earlier checkout for this product is still open. Nothing was charged."));
            GatewaySession session;
            try {
                session = gateway.expireSession(old.pspSessionId().get(), "skillform-order-" + old.id() + "-expire");
            } catch (GatewayException e) {
                LOG.log(Level.WARNING, "Could not close the earlier session of order " + old.id(), e);
                throw unreachable();
            }
            if (session.isPaid()) {
                payments.reconcile(old.id(), PaymentFact.of(session).orElseThrow(), "checkout found the earlier session paid");
                throw new CheckoutException("You have already paid for this product: check your e-mail for the receipt.");
            }
            if (!session.isExpired()) {
                // Completed with a delayed payment method, still settling: a second order could be charged twice.
                throw new CheckoutException("Your earlier payment for this product is still being processed. Nothing more was charged.");
            }
        }
        orders.abandon(old.id(), "replaced by a new checkout");
    }

    private Order openSession(Order order, Product product, PaymentGateway gateway) {
        String orderPage = site.url("/order?ref=" + order.reference());
        SessionRequest request = new SessionRequest(order.id(), product.title() + " · " + product.store().displayName(),
                order.buyerEmail(), order.total(), orderPage, orderPage + "&cancelled=true", order.sessionIdempotencyKey());
        GatewaySession session;
        try {
            session = gateway.createSession(request);
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Creating the payment session of order " + order.id() + " failed", e);
            orders.sessionCreationFailed(order.id());
            throw unreachable();
        }
        return orders.attachSession(order.id(), session);
    }

    private static CheckoutException unreachable() {
        return new CheckoutException.Unavailable("We could not reach the payment provider. Nothing was charged; please try again in a moment.");
    }
}
