package io.skillform.payment;

import io.skillform.shared.Money;
import java.util.Optional;

/**
 * A hosted checkout session as the PSP reports it. {@code status} is open / complete / expired and
 * {@code paymentStatus} paid / unpaid / no_payment_required, as in Stripe's API.
 */
public record GatewaySession(String id, String url, String status, String paymentStatus, Money amountTotal,
                             String paymentIntent, Optional<Long> orderId) {

    public boolean isPaid() {
        return "complete".equals(status) && ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus));
    }

    public boolean isExpired() {
        return "expired".equals(status);
    }
}
