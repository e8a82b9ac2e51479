package io.skillform.ledger;

import io.skillform.shared.CurrencyConverter;
import io.skillform.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;

/**
 * An account's row: its running balance (debits minus credits) and posting count, changed only by the
 * {@link Journal} while it holds this row's lock, in the transaction that inserts the postings.
 */
@Entity
@Table(name = "ledger_account")
public class LedgerAccount {

    @Id
    private Long id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private AccountKind kind;

    @Convert(converter = CurrencyConverter.class)
    @Column(nullable = false, updatable = false, length = 3)
    private Currency currency;

    @Column(name = "balance_minor", nullable = false)
    private long balance;

    @Column(nullable = false)
    private long postings;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LedgerAccount() {
        // for JPA; rows are created by the Journal's INSERT IGNORE
    }

    /** Adds a posting's amount; answers the balance after it. */
    long post(long amount, Instant now) {
        balance = Math.addExact(balance, amount);
        postings++;
        updatedAt = now;
        return balance;
    }

    public Account name() {
        return new Account(storeId, kind, currency);
    }

    public long id() {
        return id;
    }

    public AccountKind kind() {
        return kind;
    }

    public Currency currency() {
        return currency;
    }

    /** Debits minus credits. */
    public long balance() {
        return balance;
    }

    /** On the account's normal side (see {@link AccountKind#shown}). */
    public long shownBalance() {
        return kind.shown(balance);
    }

    public Money shownMoney() {
        return Money.of(shownBalance(), currency);
    }
}
