package io.skillform.payment;

import io.skillform.shared.Money;

/** A refund of (part of) a captured payment; the key is derived from SkillForm's refund id. */
public record RefundRequest(String paymentIntent, Money amount, long orderId, String idempotencyKey) {
}
