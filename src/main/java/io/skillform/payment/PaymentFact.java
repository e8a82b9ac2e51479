package io.skillform.payment;

import io.skillform.shared.Money;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * What a PSP says happened to a payment, in SkillForm's terms. Every fact names the order it concerns as far as
 * the PSP knows it: our order id (metadata we sent), the checkout session, or the PaymentIntent.
 */
public sealed interface PaymentFact {

    /** Where to find the order this fact is about. */
    record Locator(Optional<Long> orderId, Optional<String> sessionId, Optional<String> paymentIntent) {
    }

    Locator locator();

    /**
     * The session was paid: at completion, or later for a delayed payment method. Its amount is empty when the PSP left
     * it out ({@code "amount_total": null}, as in the sample sessions of Stripe's test events).
     */
    record CheckoutPaid(Locator locator, Optional<Money> amount) implements PaymentFact {
    }

    /** The buyer finished the hosted page, but a delayed payment method has not paid yet. */
    record CheckoutAwaitingPayment(Locator locator) implements PaymentFact {
    }

    record CheckoutFailed(Locator locator, String reason) implements PaymentFact {
    }

    record CheckoutExpired(Locator locator) implements PaymentFact {
    }

    /** An attempt to pay failed (a declined card); the buyer may still try again on the same session. */
    record PaymentFailed(Locator locator, String reason) implements PaymentFact {
    }

    /** A charge was refunded, in part or in full: {@code refundedTotal} is the cumulative amount refunded. */
    record ChargeRefunded(Locator locator, Money captured, Money refundedTotal) implements PaymentFact {
    }

    record DisputeOpened(Locator locator, String disputeId) implements PaymentFact {
    }

    record DisputeClosed(Locator locator, boolean won) implements PaymentFact {
    }

    /** The event types SkillForm acts on; others are stored and ignored. */
    static Optional<PaymentFact> of(PspEvent event) {
        JsonObject o = event.object();
        return Optional.ofNullable(switch (event.type()) {
            case "checkout.session.completed" -> "unpaid".equals(string(o, "payment_status"))
                    ? new CheckoutAwaitingPayment(sessionLocator(o))
                    : new CheckoutPaid(sessionLocator(o), sessionTotal(o));
            case "checkout.session.async_payment_succeeded" -> new CheckoutPaid(sessionLocator(o), sessionTotal(o));
            case "checkout.session.async_payment_failed" -> new CheckoutFailed(sessionLocator(o), "The delayed payment failed");
            case "checkout.session.expired" -> new CheckoutExpired(sessionLocator(o));
            case "payment_intent.payment_failed" -> new PaymentFailed(
                    new Locator(orderId(o), Optional.empty(), Optional.of(string(o, "id"))), declineReason(o));
            case "charge.refunded" -> new ChargeRefunded(chargeLocator(o), money(o, "amount"), money(o, "amount_refunded"));
            // An inquiry (status warning_…) is a question from the card network: the PSP takes no money and no fee.
            case "charge.dispute.created" -> isInquiry(o) ? null : new DisputeOpened(chargeLocator(o), string(o, "id"));
            case "charge.dispute.closed" -> isInquiry(o) ? null : new DisputeClosed(chargeLocator(o), "won".equals(string(o, "status")));
            default -> null;
        });
    }

    /** The same fact a completed or expired session's webhook would have given (for reconciliation). */
    static Optional<PaymentFact> of(GatewaySession session) {
        Locator locator = new Locator(session.orderId(), Optional.of(session.id()), Optional.ofNullable(session.paymentIntent()));
        if (session.isPaid()) {
            return Optional.of(new CheckoutPaid(locator, Optional.ofNullable(session.amountTotal())));
        }
        return session.isExpired() ? Optional.of(new CheckoutExpired(locator)) : Optional.empty();
    }

    private static boolean isInquiry(JsonObject dispute) {
        return PspEvent.text(dispute, "status").filter(status -> status.startsWith("warning_")).isPresent();
    }

    private static Locator sessionLocator(JsonObject session) {
        Optional<Long> orderId = orderId(session).or(() -> PspEvent.text(session, "client_reference_id").flatMap(PaymentFact::parseId));
        return new Locator(orderId, Optional.of(string(session, "id")), PspEvent.text(session, "payment_intent"));
    }

    private static Locator chargeLocator(JsonObject chargeOrDispute) {
        return new Locator(orderId(chargeOrDispute), Optional.empty(), PspEvent.text(chargeOrDispute, "payment_intent"));
    }

    private static Optional<Long> orderId(JsonObject object) {
        return object.get("metadata") instanceof JsonObject metadata
                ? PspEvent.text(metadata, "order_id").flatMap(PaymentFact::parseId) : Optional.empty();
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String declineReason(JsonObject paymentIntent) {
        return paymentIntent.get("last_payment_error") instanceof JsonObject error
                ? PspEvent.text(error, "message").orElse("The payment was declined") : "The payment was declined";
    }

    private static String string(JsonObject object, String name) {
        return PspEvent.text(object, name).orElseThrow(() -> new MalformedEvent("The event object has no \"" + name + "\""));
    }

    /** An amount in minor units: never negative, and within a long. */
    private static long number(JsonObject object, String name) {
        return PspEvent.whole(object.get(name), 0, Long.MAX_VALUE)
                .orElseThrow(() -> new MalformedEvent("The event object has no valid amount \"" + name + "\""));
    }

    private static Currency currency(JsonObject object) {
        String code = string(object, "currency").toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException notIso) {
            throw new MalformedEvent("The event object has no valid \"currency\"");
        }
    }

    private static Money money(JsonObject object, String amountField) {
        return Money.of(number(object, amountField), currency(object));
    }

    /** Present but {@code null}: an amount the PSP did not say (absent, the object is not a session). */
    private static Optional<Money> sessionTotal(JsonObject session) {
        JsonValue total = session.get("amount_total");
        return total != null && total.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                : Optional.of(money(session, "amount_total"));
    }
}
