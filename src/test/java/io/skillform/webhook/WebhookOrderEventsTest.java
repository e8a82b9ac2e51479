package io.skillform.webhook;

import static io.skillform.webhook.WebhookEventType.ORDER_DISPUTED;
import static io.skillform.webhook.WebhookEventType.ORDER_DISPUTE_CLOSED;
import static io.skillform.webhook.WebhookEventType.ORDER_PAID;
import static io.skillform.webhook.WebhookEventType.ORDER_PARTIALLY_REFUNDED;
import static io.skillform.webhook.WebhookEventType.ORDER_REFUNDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events an order's change means, compared with what its webhooks last reported. */
class WebhookOrderEventsTest {

    private final OrderWebhookState known = new OrderWebhookState(1);

    @Test
    void eachChangeIsReportedOnceAndARepeatNotAtAll() {
        assertEquals(List.of(), known.catchUp(order("pending", 0, null)));
        assertEquals(List.of(ORDER_PAID), known.catchUp(order("paid", 0, null)));
        assertEquals(List.of(), known.catchUp(order("paid", 0, null)), "the same PSP report again");
        assertEquals(List.of(ORDER_PARTIALLY_REFUNDED), known.catchUp(order("partially_refunded", 500, null)));
        assertEquals(List.of(ORDER_PARTIALLY_REFUNDED), known.catchUp(order("partially_refunded", 700, null)), "a second refund");
        assertEquals(List.of(), known.catchUp(order("partially_refunded", 700, null)));
        assertEquals(List.of(ORDER_DISPUTED), known.catchUp(order("disputed", 700, "OPEN")));
        assertEquals(List.of(ORDER_DISPUTE_CLOSED), known.catchUp(order("partially_refunded", 700, "WON")));
        assertEquals(List.of(ORDER_REFUNDED), known.catchUp(order("refunded", 1500, "WON")));
        assertEquals(List.of(), known.catchUp(order("refunded", 1500, "WON")));
    }

    @Test
    void aRefundThatOvertookThePaymentReportsThePaymentFirstAndALostDisputeClosesIt() {
        assertEquals(List.of(ORDER_PAID, ORDER_REFUNDED), known.catchUp(order("refunded", 1500, null)));
        OrderWebhookState other = new OrderWebhookState(2);
        assertEquals(List.of(ORDER_PAID, ORDER_DISPUTED), other.catchUp(order("disputed", 0, "OPEN")));
        assertEquals(List.of(ORDER_DISPUTE_CLOSED), other.catchUp(order("disputed", 0, "LOST")));
    }

    private static OrderState order(String status, long refunded, String dispute) {
        return new OrderState(1, "ref", 1, status, Money.of(1500, "USD"), Money.of(refunded, "USD"), dispute,
                status.equals("pending") ? null : Instant.parse("2026-11-23T12:00:00Z"), "buyer@example.test", List.of());
    }
}
