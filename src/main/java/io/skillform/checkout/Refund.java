package io.skillform.checkout;

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
import jakarta.persistence.Version;
import java.time.Instant;

/** A refund asked of the PSP on behalf of a creator or admin. Its id is the PSP call's idempotency key. */
@Entity
@Table(name = "refund")
public class Refund {

    public enum Status { REQUESTED, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, updatable = false, length = 3))
    })
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "psp_refund_id", length = 120)
    private String pspRefundId;

    @Column(length = 500)
    private String failure;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Version
    private long version;

    protected Refund() {
        // for JPA
    }

    Refund(long orderId, Money amount, long requestedBy, Instant now) {
        if (amount.isZero() || amount.isNegative()) {
            throw new IllegalArgumentException("A refund is for a positive amount");
        }
        this.orderId = orderId;
        this.amount = amount;
        this.requestedBy = requestedBy;
        this.status = Status.REQUESTED;
        this.createdAt = now;
    }

    String idempotencyKey() {
        return "skillform-refund-" + id;
    }

    /** The PSP did not answer: the refund may or may not exist there, so it stays requested, to be sent again. */
    void unconfirmed(String reason) {
        failure = reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    boolean isUnconfirmed() {
        return status == Status.REQUESTED && pspRefundId == null;
    }

    void accepted(String pspId) {
        pspRefundId = pspId;
    }

    void succeeded(String pspId, Instant now) {
        pspRefundId = pspId;
        status = Status.SUCCEEDED;
        settledAt = now;
    }

    void failed(String reason, Instant now) {
        failure = reason.length() <= 500 ? reason : reason.substring(0, 500);
        status = Status.FAILED;
        settledAt = now;
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public Money amount() {
        return amount;
    }

    public Status status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
