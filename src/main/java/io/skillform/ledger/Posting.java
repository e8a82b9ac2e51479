package io.skillform.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One leg of a posted transaction, with its account's balance after it. Written once (see {@link LedgerTransaction}). */
@Entity
@Table(name = "ledger_posting")
public class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    private long transactionId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amount;

    @Column(name = "balance_after_minor", nullable = false, updatable = false)
    private long balanceAfter;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected Posting() {
        // for JPA
    }

    Posting(long transactionId, LedgerAccount account, long amount, long balanceAfter, Instant postedAt) {
        this.transactionId = transactionId;
        this.accountId = account.id();
        this.storeId = account.name().storeId();
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.postedAt = postedAt;
    }
}
