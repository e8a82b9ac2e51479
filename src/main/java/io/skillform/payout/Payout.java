package io.skillform.payout;

import io.skillform.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payout a creator asked for; its money left their available balance when it was requested. */
@Entity
@Table(name = "payout")
public class Payout {

    /** Only REQUESTED today: sending the money to the creator's bank is the next step (see the README). */
    public enum Status { REQUESTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, updatable = false, length = 3))
    })
    private Money amount;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Payout() {
        // for JPA
    }

    Payout(long storeId, Money amount, long requestedBy, Instant now) {
        if (amount.isZero() || amount.isNegative()) {
            throw new PayoutException("Enter an amount above zero.");
        }
        this.storeId = storeId;
        this.amount = amount;
        this.requestedBy = requestedBy;
        this.status = Status.REQUESTED;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public Money amount() {
        return amount;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
