package io.skillform.ledger;

import java.util.Currency;
import java.util.Objects;

/** Names an account: whose it is (a store, or the platform as store 0), what it holds, and its currency. */
public record Account(long storeId, AccountKind kind, Currency currency) {

    static final long PLATFORM = 0;

    public Account {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        if (kind.isCreator() ? storeId <= 0 : storeId != PLATFORM) {
            throw new IllegalArgumentException(kind + " is " + (kind.isCreator() ? "a store's" : "the platform's") + " account");
        }
    }

    public static Account creator(long storeId, AccountKind kind, Currency currency) {
        return new Account(storeId, kind, currency);
    }

    public static Account platform(AccountKind kind, Currency currency) {
        return new Account(PLATFORM, kind, currency);
    }
}
