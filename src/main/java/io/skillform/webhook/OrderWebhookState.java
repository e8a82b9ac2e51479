package io.skillform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the webhooks last reported of one order. Comparing the order's state with it decides which events a change
 * means — so the same PSP report applied twice, or an order synced again by reconciliation, emits nothing new.
 */
@Entity
@Table(name = "webhook_order_state")
public class OrderWebhookState {

    private static final Set<String> PAID_SOMETIME = Set.of("paid", "partially_refunded", "refunded", "disputed");

    @Id
    @Column(name = "order_id")
    private Long orderId;

    /** The last status seen; "pending" for an order seen for the first time. */
    @Column(nullable = false, length = 24)
    private String status;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "dispute_outcome", length = 16)
    private String disputeOutcome;

    protected OrderWebhookState() {
        // for JPA
    }

    OrderWebhookState(long orderId) {
        this.orderId = orderId;
        this.status = "pending";
    }

    /**
     * The events that lead from what was last reported to the order's state now, oldest first, and remembers the
     * state. A refund report that overtook the payment's (both applied at once) reports the payment first.
     */
    List<WebhookEventType> catchUp(OrderState order) {
        List<WebhookEventType> events = new ArrayList<>();
        String next = order.status();
        boolean wasDisputed = status.equals("disputed");
        if (PAID_SOMETIME.contains(next) && !PAID_SOMETIME.contains(status)) {
            events.add(WebhookEventType.ORDER_PAID);
        }
        if (wasDisputed && !next.equals("disputed")) {
            events.add(WebhookEventType.ORDER_DISPUTE_CLOSED);
        } else if (next.equals("disputed")) {
            if (!wasDisputed) {
                events.add(WebhookEventType.ORDER_DISPUTED);
            } else if (!Objects.equals(disputeOutcome, order.disputeOutcome())) {
                events.add(WebhookEventType.ORDER_DISPUTE_CLOSED);
            }
        } else if (next.equals("refunded") && !status.equals("refunded")) {
            events.add(WebhookEventType.ORDER_REFUNDED);
        } else if (next.equals("partially_refunded") && order.refunded().minor() > refundedMinor) {
            events.add(WebhookEventType.ORDER_PARTIALLY_REFUNDED);
        }
        status = next;
        refundedMinor = order.refunded().minor();
        disputeOutcome = order.disputeOutcome();
        return events;
    }
}
