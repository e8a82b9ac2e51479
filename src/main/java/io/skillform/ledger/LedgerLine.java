package io.skillform.ledger;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A line of a creator's ledger: one posting to one of their accounts, seen from their side — money coming to them
 * positive — with the account's balance after it.
 */
public record LedgerLine(long id, Instant postedAt, TransactionKind kind, String memo, Long orderId, AccountKind account,
                         Money amount, Money balanceAfter) {

    public Optional<Long> order() {
        return Optional.ofNullable(orderId);
    }
}
