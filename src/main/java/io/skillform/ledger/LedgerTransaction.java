package io.skillform.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A posted transaction's header. Written once; the database refuses updates and deletes (triggers). */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = 120)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private TransactionKind kind;

    @Column(name = "store_id", updatable = false)
    private Long storeId;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    @Column(nullable = false, updatable = false, length = 255)
    private String memo;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected LedgerTransaction() {
        // for JPA
    }

    LedgerTransaction(JournalEntry entry, Instant postedAt) {
        this.key = entry.key();
        this.kind = entry.kind();
        this.storeId = entry.storeId().orElse(null);
        this.orderId = entry.orderId().orElse(null);
        this.memo = entry.memo();
        this.postedAt = postedAt;
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public TransactionKind kind() {
        return kind;
    }
}
