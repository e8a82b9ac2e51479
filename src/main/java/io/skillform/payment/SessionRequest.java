package io.skillform.payment;

import io.skillform.shared.Money;
import java.util.Objects;

/**
 * What a hosted checkout session is created for. The idempotency key is derived from the order (and the attempt),
 * so asking twice for the same order yields the PSP's first answer instead of a second session.
 */
public record SessionRequest(long orderId, String description, String buyerEmail, Money amount, String successUrl,
                             String cancelUrl, String idempotencyKey) {

    public SessionRequest {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(buyerEmail, "buyerEmail");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (amount.isZero() || amount.isNegative()) {
            throw new IllegalArgumentException("A checkout session is for a positive amount");
        }
    }
}
