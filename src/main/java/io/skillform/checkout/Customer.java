package io.skillform.checkout;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Someone who bought from a store: their paid orders, what they spent net of refunds (per currency), and when. */
public record Customer(String email, long orders, List<Money> spent, Instant firstOrderAt, Instant lastOrderAt) {

    /** The same customer's orders in another currency. */
    Customer plus(Customer other) {
        List<Money> both = new ArrayList<>(spent);
        both.addAll(other.spent);
        return new Customer(email, orders + other.orders, List.copyOf(both),
                firstOrderAt.isBefore(other.firstOrderAt) ? firstOrderAt : other.firstOrderAt,
                lastOrderAt.isAfter(other.lastOrderAt) ? lastOrderAt : other.lastOrderAt);
    }
}
