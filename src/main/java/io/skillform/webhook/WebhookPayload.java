package io.skillform.webhook;

import io.skillform.catalog.Product;
import io.skillform.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The body of a webhook, in the Standard Webhooks shape {@code {"type","timestamp","data"}}: amounts in integer minor
 * units with their currency, times in ISO-8601 UTC, an order named by its public reference ({@code order_id}, as the
 * API names it) and its status as the API spells it.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    static String of(WebhookEventType type, Instant at, JsonObject data) {
        return Json.createObjectBuilder()
                .add("type", type.wireName())
                .add("timestamp", iso(at))
                .add("data", data)
                .build().toString();
    }

    static JsonObject order(OrderState order) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("order_id", order.reference())
                .add("status", order.status())
                .add("total", money(order.total()))
                .add("refunded", money(order.refunded()))
                .add("buyer_email", order.buyerEmail())
                .add("items", Json.createArrayBuilder(order.items().stream().map(item -> Json.createObjectBuilder()
                        .add("product_id", item.productId())
                        .add("title", item.title())
                        .add("amount", money(item.amount()))
                        .build()).toList()));
        nullable(data, "paid_at", order.paidAt() == null ? null : iso(order.paidAt()));
        nullable(data, "dispute_outcome", order.disputeOutcome() == null ? null : order.disputeOutcome().toLowerCase(Locale.ROOT));
        return data.build();
    }

    static JsonObject product(Product product, String url) {
        return Json.createObjectBuilder()
                .add("product_id", product.id())
                .add("store", product.store().handle().value())
                .add("slug", product.slug().value())
                .add("title", product.title())
                .add("status", product.status().name().toLowerCase(Locale.ROOT))
                .add("pricing", product.pricing().name().toLowerCase(Locale.ROOT))
                .add("price", money(product.price()))
                .add("url", url)
                .build();
    }

    static JsonObject test(long endpointId) {
        return Json.createObjectBuilder()
                .add("endpoint_id", endpointId)
                .add("message", "A test event from SkillForm: your endpoint is reachable and can check the signature.")
                .build();
    }

    private static JsonObjectBuilder money(Money money) {
        return Json.createObjectBuilder().add("amount", money.minor()).add("currency", money.currency().getCurrencyCode());
    }

    private static void nullable(JsonObjectBuilder data, String name, String value) {
        if (value == null) {
            data.addNull(name);
        } else {
            data.add(name, value);
        }
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
