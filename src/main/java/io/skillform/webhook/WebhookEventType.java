package io.skillform.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a webhook reports; its {@link #wireName()} is the payload's {@code type} and what endpoints subscribe to. */
public enum WebhookEventType {
    ORDER_PAID("order.paid"),
    ORDER_PARTIALLY_REFUNDED("order.partially_refunded"),
    ORDER_REFUNDED("order.refunded"),
    ORDER_DISPUTED("order.disputed"),
    ORDER_DISPUTE_CLOSED("order.dispute_closed"),
    PRODUCT_PUBLISHED("product.published"),
    PRODUCT_UPDATED("product.updated"),
    PRODUCT_UNPUBLISHED("product.unpublished"),
    PRODUCT_ARCHIVED("product.archived"),
    ENROLLMENT_CREATED("enrollment.created"),
    LESSON_COMPLETED("lesson.completed"),
    COURSE_COMPLETED("course.completed"),
    /** Sent only by "Send test event", to the one endpoint asked for; not subscribable. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The types an endpoint can subscribe to, in the order the dashboard lists them. */
    public static List<WebhookEventType> subscribable() {
        return Arrays.stream(values()).filter(t -> t != WEBHOOK_TEST).toList();
    }

    /** The subscribable type with this name; a clear refusal for anything else. */
    public static WebhookEventType parse(String wireName) {
        return subscribable().stream().filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type \"" + wireName + "\"; known types: "
                        + String.join(", ", subscribable().stream().map(WebhookEventType::wireName).toList())));
    }

    /** The catalog's change names ("product.updated", …) are ours too. */
    static WebhookEventType ofProductChange(String change) {
        return valueOf(change.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
}
