package io.skillform.ledger;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What an order's state says about its money, as the checkout knows it: the ledger posts whatever part of it is not
 * posted yet. PSP reports are cumulative (a refunded total, a dispute's state), so catching up is idempotent.
 */
public record OrderMoney(long orderId, long storeId, Money gross, boolean captured, Instant capturedAt, Money refunded,
                         Dispute dispute) {

    public enum Dispute { NONE, OPEN, WON, LOST }

    public OrderMoney {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(dispute, "dispute");
        if (captured) {
            Objects.requireNonNull(capturedAt, "capturedAt");
        }
        if (!refunded.currency().equals(gross.currency()) || refunded.isNegative() || refunded.minor() > gross.minor()) {
            throw new IllegalArgumentException("Order " + orderId + ": a refunded total of " + refunded + " for " + gross);
        }
    }
}
