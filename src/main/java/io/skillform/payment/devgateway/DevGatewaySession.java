package io.skillform.payment.devgateway;

import io.skillform.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A hosted checkout session of the dev gateway, with Stripe's statuses. */
@Entity
@Table(name = "dev_gateway_session")
public class DevGatewaySession {

    @Id
    private String id;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
    private String idempotencyKey;

    @Column(name = "order_ref", nullable = false, updatable = false, length = 64)
    private String orderRef;

    @Column(nullable = false, updatable = false, length = 200)
    private String description;

    @Column(name = "customer_email", nullable = false, updatable = false, length = 254)
    private String customerEmail;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3))
    })
    private Money amount;

    @Column(name = "success_url", nullable = false, updatable = false, length = 1000)
    private String successUrl;

    @Column(name = "cancel_url", nullable = false, updatable = false, length = 1000)
    private String cancelUrl;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "payment_status", nullable = false, length = 16)
    private String paymentStatus;

    @Column(name = "payment_intent", nullable = false, updatable = false, length = 64)
    private String paymentIntent;

    @Column(name = "amount_refunded", nullable = false)
    private long amountRefunded;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected DevGatewaySession() {
        // for JPA
    }

    DevGatewaySession(String id, String paymentIntent, String idempotencyKey, String orderRef, String description,
                      String customerEmail, Money amount, String successUrl, String cancelUrl, Instant now, Instant expiresAt) {
        this.id = id;
        this.paymentIntent = paymentIntent;
        this.idempotencyKey = idempotencyKey;
        this.orderRef = orderRef;
        this.description = description;
        this.customerEmail = customerEmail;
        this.amount = amount;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.status = "open";
        this.paymentStatus = "unpaid";
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isOpen(Instant now) {
        return "open".equals(status) && now.isBefore(expiresAt);
    }

    void pay() {
        status = "complete";
        paymentStatus = "paid";
    }

    void expire() {
        status = "expired";
    }

    void refund(long minor) {
        if (!"paid".equals(paymentStatus)) {
            throw new IllegalStateException("Session " + id + " has no payment to refund");
        }
        if (minor <= 0 || amountRefunded + minor > amount.minor()) {
            throw new IllegalArgumentException("Refund exceeds the remaining captured amount");
        }
        amountRefunded += minor;
    }

    public String id() {
        return id;
    }

    public String orderRef() {
        return orderRef;
    }

    public String description() {
        return description;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public Money amount() {
        return amount;
    }

    public String successUrl() {
        return successUrl;
    }

    public String cancelUrl() {
        return cancelUrl;
    }

    public String status() {
        return status;
    }

    public String paymentStatus() {
        return paymentStatus;
    }

    public String paymentIntent() {
        return paymentIntent;
    }

    public long amountRefunded() {
        return amountRefunded;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
