package io.skillform.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * That an order's receipt was recorded for sending. Keyed by the order: however often its payment is reported, the
 * receipt is written once. Copies the buyer or creator asks for are counted, and spaced out.
 */
@Entity
@Table(name = "order_receipt")
public class OrderReceipt {

    /** How long after a receipt another copy may be asked for: a second click must not mail twice. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(2);

    @Id
    @Column(name = "order_id")
    private Long orderId;

    /** The receipt's outbox mail; none for orders paid before receipts existed. */
    @Column(name = "first_mail", updatable = false)
    private Long firstMail;

    @Column(nullable = false)
    private int resent;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "refund_noticed_minor", nullable = false)
    private long refundNoticedMinor;

    protected OrderReceipt() {
        // for JPA
    }

    OrderReceipt(long orderId, Long firstMail, Instant now) {
        this.orderId = orderId;
        this.firstMail = firstMail;
        this.lastSentAt = now;
    }

    /** When the next copy may be sent, or now if it may be sent already. */
    Instant nextCopyAllowedAt() {
        return lastSentAt.plus(RESEND_INTERVAL);
    }

    void resent(Instant now) {
        if (now.isBefore(nextCopyAllowedAt())) {
            throw new DeliveryException("A receipt was sent a moment ago. Check your inbox (and spam folder) before asking again.");
        }
        resent++;
        lastSentAt = now;
    }

    /**
     * What of the refunded total the buyer has not been told about yet — zero when nothing: each refund is told once,
     * however often its report arrives.
     */
    long refundToNotice(long refundedMinor) {
        long news = Math.max(0, refundedMinor - refundNoticedMinor);
        refundNoticedMinor = Math.max(refundNoticedMinor, refundedMinor);
        return news;
    }
}
