package io.skillform.checkout;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order stands. The allowed moves are listed here and nowhere else; anything else is refused.
 * FAILED is not final: a declined card leaves the PSP's session open, and the buyer may pay on a second try.
 */
public enum OrderStatus {
    PENDING, PAID, FAILED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED, DISPUTED;

    public boolean canBecome(OrderStatus next) {
        return successors().contains(next);
    }

    private Set<OrderStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, FAILED, EXPIRED);
            case FAILED -> EnumSet.of(PAID, EXPIRED);
            case PAID -> EnumSet.of(REFUNDED, PARTIALLY_REFUNDED, DISPUTED);
            case PARTIALLY_REFUNDED -> EnumSet.of(REFUNDED, DISPUTED);
            // A dispute the seller wins puts the order back where it was.
            case DISPUTED -> EnumSet.of(PAID, PARTIALLY_REFUNDED, REFUNDED);
            case EXPIRED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Still waiting for money: the buyer may (again) pay on the PSP's page. */
    public boolean isAwaitingPayment() {
        return this == PENDING || this == FAILED;
    }

    /** The money was captured at some point (whatever happened to it since). */
    public boolean wasPaid() {
        return this == PAID || this == REFUNDED || this == PARTIALLY_REFUNDED || this == DISPUTED;
    }

    /** The name in URLs and the API: "partially_refunded". */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
