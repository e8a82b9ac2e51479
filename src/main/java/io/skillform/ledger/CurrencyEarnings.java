package io.skillform.ledger;

import io.skillform.shared.Money;
import java.util.Currency;

/** A store's earnings in one currency: balances from its accounts, lifetime totals from its day totals. */
public record CurrencyEarnings(Currency currency, Money pending, Money available, Money paidOut, Money gross, Money refunds,
                               Money fees, Money net, long sales) {
}
