package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.checkout.Checkout;
import io.skillform.checkout.CheckoutException;
import io.skillform.checkout.CheckoutRequest;
import io.skillform.checkout.Order;
import io.skillform.checkout.Orders;
import io.skillform.identity.EmailAddress;
import io.skillform.shared.Money;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Checkout for third-party storefronts (fixed interface). {@code POST /api/v1/checkouts} with an {@code Idempotency-Key}
 * header and {@code {"product_id","email","amount"?}} (amount in minor units, for pay-what-you-want) answers 201
 * {@code {"order_id","status","payment_url"}} — send the buyer to {@code payment_url} (null for a free product, which
 * is paid at once). {@code GET /api/v1/checkouts/{order_id}} → {@code {"order_id","status"}}. The order id is the
 * order's public reference (128 random bits), so statuses cannot be enumerated.
 */
@Path("/v1/checkouts")
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutsResource {

    /** When to ask again after the payment provider could not be reached: soon for a blip, not so often as to add to an outage. */
    private static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    private Checkout checkout;

    @Inject
    private Orders orders;

    @Inject
    private Catalog catalog;

    @Inject
    private Idempotency idempotency;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Idempotency-Key") String key, String body) {
        Idempotency.requireKey(key);
        Request request = Request.parse(body);
        // Keys are the store's: each storefront numbers its own checkouts, and one store's keys never replay or block
        // another's. (The product's store, whatever the product's state, so a replay outlives an unpublished product.)
        long store = catalog.storeIdOf(request.productId()).orElseThrow(() -> new ApiException(
                Problem.invalid("product_id", Request.UNKNOWN_PRODUCT)));
        return idempotency.run("checkout:store:" + store, key, "checkout", request.canonical(), () -> {
            try {
                return created(checkout.start(request.toCheckout(catalog, key)));
            } catch (CheckoutException.Unavailable notNow) {
                // Not bound to the key: the client's retry with it, once the provider answers again, starts the checkout.
                throw ApiException.retryable(Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                        notNow.getMessage())).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build());
            } catch (CheckoutException refused) {
                // Well-formed but not possible (an amount below the minimum, a product already paid for): as the checkout
                // page would say it.
                return Problem.response(422, "Unprocessable Content", refused.getMessage());
            }
        });
    }

    @GET
    @Path("{orderId}")
    public JsonObject status(@PathParam("orderId") String orderId) {
        Order order = orders.byReference(orderId).orElseThrow(() -> new ApiException(
                Problem.response(Response.Status.NOT_FOUND, "No checkout " + orderId + ".")));
        return Json.createObjectBuilder().add("order_id", order.reference()).add("status", order.status().apiName()).build();
    }

    private static Response created(Order order) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("order_id", order.reference())
                .add("status", order.status().apiName());
        order.paymentUrl().ifPresentOrElse(url -> body.add("payment_url", url), () -> body.addNull("payment_url"));
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }

    /** The body, checked field by field; its canonical form is what the idempotency key is bound to. */
    private record Request(long productId, String email, Long amount) {

        static final String UNKNOWN_PRODUCT = "is not a published product";

        static Request parse(String body) {
            JsonBody json = JsonBody.parse(body, "{\"product_id\", \"email\", \"amount\"?}");
            long product = json.number("product_id", 1, Long.MAX_VALUE, "is required: the id of a published product")
                    .orElseThrow(() -> new ApiException(Problem.invalid("product_id", "is required: the id of a published product")));
            Optional<EmailAddress> email = json.valid("email", json.text("email"), text -> EmailAddress.parse(text)
                    .orElseThrow(() -> new IllegalArgumentException("is required: a valid address, where the purchase is delivered")));
            Long amount = json.number("amount", 0, Product.MAX_PRICE_MINOR, "is a whole number of minor units (cents), 0 or more")
                    .orElse(null);
            return new Request(product, email.orElseThrow(() -> new ApiException(
                    Problem.invalid("email", "is required: a valid address, where the purchase is delivered"))).value(), amount);
        }

        String canonical() {
            return productId + "\n" + email + "\n" + amount;
        }

        CheckoutRequest toCheckout(Catalog catalog, String key) {
            Product product = catalog.findPublished(productId).orElseThrow(() -> new ApiException(
                    Problem.invalid("product_id", UNKNOWN_PRODUCT)));
            if (amount == null && product.isPayWhatYouWant()) {
                throw new ApiException(Problem.invalid("amount", "is required for this pay-what-you-want product: minor units, at least "
                        + product.price().minor()));
            }
            String major = amount == null ? null : Money.of(amount, product.price().currency()).toMajor().toPlainString();
            // The key stands for the client's checkout attempt: only a retry with it resumes the same order.
            return new CheckoutRequest(productId, email, major, null, "api:" + key);
        }
    }
}
