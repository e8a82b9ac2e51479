package io.skillform.api;

import io.skillform.checkout.CheckoutException;
import io.skillform.checkout.Order;
import io.skillform.checkout.OrderStatus;
import io.skillform.checkout.OrderTransition;
import io.skillform.checkout.Orders;
import io.skillform.checkout.Refund;
import io.skillform.checkout.RefundRecords;
import io.skillform.checkout.Refunds;
import io.skillform.delivery.DownloadLog;
import io.skillform.shared.Money;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The orders of the token owner's store: list, detail with history and refunds, refunds (idempotent, like checkouts)
 * and the download log. Orders are named by their public reference ({@code order_id}); another store's order is 404.
 */
@Path("/v1/orders")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private static final String LIST = "o";
    private static final String DOWNLOADS = "d";

    @Inject
    private Creator creator;

    @Inject
    private Orders orders;

    @Inject
    private Refunds refunds;

    @Inject
    private RefundRecords refundRecords;

    @Inject
    private DownloadLog downloadLog;

    @Inject
    private Idempotency idempotency;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @QueryParam("status") String status) {
        int size = Page.limit(limit);
        Optional<OrderStatus> only = Enums.parse("status", status, OrderStatus.class);
        Optional<Cursor.TimeAndId> after = Cursor.timeAndId(LIST, cursor);
        return Page.of(orders.ofStore(creator.store().id(), only, after.map(Cursor.TimeAndId::at), after.map(Cursor.TimeAndId::id).orElse(0L), size + 1),
                size, order -> summary(order).build(), order -> Cursor.of(LIST, order.createdAt(), order.id()));
    }

    @GET
    @Path("{orderId}")
    public JsonObject get(@PathParam("orderId") String orderId) {
        Order order = owned(orderId);
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (OrderTransition step : order.history()) {
            JsonObjectBuilder line = Json.createObjectBuilder();
            Representation.text(line, "from", Optional.ofNullable(step.from()).map(OrderStatus::apiName));
            history.add(line.add("to", step.to().apiName()).add("at", step.at().toString()).add("cause", step.cause()));
        }
        JsonArrayBuilder refunded = Json.createArrayBuilder();
        refundRecords.of(order.id()).forEach(refund -> refunded.add(refund(order, refund)));
        return summary(order).add("history", history).add("refunds", refunded).build();
    }

    /**
     * Refunds part or (without {@code amount}) all of what is left, through the order's PSP. With an
     * {@code Idempotency-Key} like checkouts: a retried request never refunds twice.
     */
    @POST
    @Path("{orderId}/refunds")
    @Consumes(MediaType.WILDCARD)
    public Response refund(@PathParam("orderId") String orderId, @HeaderParam("Idempotency-Key") String key, String body) {
        Order order = owned(orderId); // whose order it is before what is wrong with the request: 403/404 first
        Idempotency.requireKey(key);
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, "{\"amount\"?}");
        Optional<Long> amount = json.number("amount", 1, Long.MAX_VALUE, "is a whole number of minor units (cents), 1 or more");
        // Bound to what was asked ("all that is left"), not to its amount now: a retry of a full refund is a replay.
        return idempotency.run("creator:" + creator.id(), key, "refund:" + order.reference(), amount.map(String::valueOf).orElse("all"), () -> {
            try {
                Money money = amount.map(minor -> Money.of(minor, order.total().currency())).orElse(order.refundable());
                Refund refund = refunds.refund(creator.id(), order.id(), money);
                return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(refund(order, refund).build().toString()).build();
            } catch (CheckoutException.Unconfirmed unknown) {
                // Retried with the same key, the refund is asked again under the same PSP key: never paid twice.
                throw ApiException.retryable(Problem.response(Response.Status.BAD_GATEWAY, unknown.getMessage()));
            } catch (CheckoutException refused) {
                return Problem.response(422, "Unprocessable Content", refused.getMessage());
            }
        });
    }

    /** Who downloaded what, when and from where; newest first. */
    @GET
    @Path("{orderId}/downloads")
    public JsonObject downloads(@PathParam("orderId") String orderId, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        Order order = owned(orderId);
        Optional<Cursor.TimeAndId> after = Cursor.timeAndId(DOWNLOADS, cursor);
        return Page.of(downloadLog.page(order.id(), after.map(Cursor.TimeAndId::at), after.map(Cursor.TimeAndId::id).orElse(0L), size + 1),
                size, line -> {
                    JsonObjectBuilder event = Json.createObjectBuilder()
                            .add("at", line.at().toString())
                            .add("file", line.fileName())
                            .add("address", line.address());
                    Representation.text(event, "user_agent", Optional.ofNullable(line.userAgent()));
                    if (line.resumedAt() == null) {
                        event.addNull("resumed_at");
                    } else {
                        event.add("resumed_at", line.resumedAt());
                    }
                    return event.add("link_id", line.linkId()).build();
                }, line -> Cursor.of(DOWNLOADS, line.at(), line.id()));
    }

    private Order owned(String orderId) {
        long store = creator.store().id();
        return orders.byReference(orderId).filter(order -> order.storeId() == store).orElseThrow(() -> new ApiException(
                Problem.response(Response.Status.NOT_FOUND, "No order " + orderId + " in your store.")));
    }

    private static JsonObjectBuilder summary(Order order) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        order.items().forEach(item -> items.add(Json.createObjectBuilder()
                .add("product_id", item.productId())
                .add("title", item.title())
                .add("amount", Representation.money(item.amount()))));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("order_id", order.reference())
                .add("status", order.status().apiName())
                .add("email", order.buyerEmail())
                .add("total", Representation.money(order.total()))
                .add("refunded", Representation.money(order.refunded()))
                .add("items", items)
                .add("created_at", order.createdAt().toString());
        return Representation.time(body, "paid_at", order.paidAt().orElse(null));
    }

    private static JsonObjectBuilder refund(Order order, Refund refund) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", refund.id())
                .add("order_id", order.reference())
                .add("amount", Representation.money(refund.amount()))
                .add("status", Enums.name(refund.status()));
        Representation.text(body, "failure", Optional.ofNullable(refund.failure()));
        return body.add("created_at", refund.createdAt().toString());
    }
}
