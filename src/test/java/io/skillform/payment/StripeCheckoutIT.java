package io.skillform.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.Slug;
import io.skillform.catalog.StoreHandle;
import io.skillform.checkout.Checkout;
import io.skillform.checkout.CheckoutException;
import io.skillform.checkout.CheckoutRequest;
import io.skillform.checkout.Order;
import io.skillform.checkout.Reconciliation;
import io.skillform.checkout.ReconciliationRun;
import io.skillform.checkout.Refunds;
import io.skillform.shared.Money;
import io.skillform.identity.Accounts;
import io.skillform.identity.ApiTokens;
import io.skillform.platform.JobLeases;
import io.skillform.platform.Lease;
import io.skillform.shared.InstantConverter;
import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import io.skillform.testing.StripeStub;
import io.skillform.testing.TestAccounts;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checkout through Stripe, in the server: the real stripe-java client against a Stripe stub (WireMock, started in the
 * server's JVM for each test), webhooks over real HTTP to the server's endpoint, and what the database then holds.
 * New checkouts go to Stripe for the test's duration: the gateway setting is read live from the system properties.
 */
@ExtendWith(ArquillianExtension.class)
class StripeCheckoutIT {

    private static final String GATEWAY_SETTING = "skillform.payments.gateway";
    private static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final long PRICE = 2450;
    /** Every checkout here is one buyer's browser. */
    private static final String REQUESTER = "session:stripe-checkout-it";
    private static final String UNREACHABLE =
            "We could not reach the payment provider. Nothing was charged; please try again in a moment.";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(StripeCheckoutIT.class, TestAccounts.class, StripeStub.class)
                .addAsLibraries(StripeStub.wireMockJar());
    }

    @Inject
    Checkout checkout;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Refunds refunds;

    @Inject
    JobLeases leases;

    @Inject
    Catalog catalog;

    @Inject
    ProductMedia media;

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens apiTokens;

    @Resource(lookup = "java:jboss/datasources/SkillFormDS")
    DataSource db;

    @Resource
    ManagedExecutorService executor;

    private StripeStub stripe;
    private String gatewayBefore;

    @BeforeEach
    void checkoutWithStripe() {
        gatewayBefore = System.getProperty(GATEWAY_SETTING);
        System.setProperty(GATEWAY_SETTING, "stripe");
        stripe = StripeStub.start();
    }

    @AfterEach
    void backToTheDevGateway() {
        if (stripe != null) {
            stripe.close();
        }
        if (gatewayBefore == null) {
            System.clearProperty(GATEWAY_SETTING);
        } else {
            System.setProperty(GATEWAY_SETTING, gatewayBefore);
        }
    }

    // --- checkout ------------------------------------------------------------------------------------------------------

    @Test
    void checkoutCreatesAStripeSessionForTheOrderAndKeepsItsPaymentUrl() throws Exception {
        StripeOrder placed = placeStripeOrder();
        Product product = placed.product();
        String buyer = placed.buyer();
        String sessionId = placed.sessionId();
        Order order = placed.order();

        Map<String, Object> row = order(order.id());
        assertEquals("STRIPE", row.get("gateway"), "the gateway setting, changed at run time, was used");
        assertEquals("PENDING", row.get("status"));
        assertEquals(sessionId, row.get("psp_session_id"));
        assertEquals("https://checkout.stripe.com/c/pay/" + sessionId, row.get("payment_url"));
        assertEquals(PRICE, row.get("amount_minor"));
        assertEquals("EUR", row.get("currency"));
        assertEquals(Optional.of("https://checkout.stripe.com/c/pay/" + sessionId), order.paymentUrl(),
                "the buyer is sent to Stripe's page");

        List<LoggedRequest> requests = stripe.sessionCreations(buyer);
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals("skillform-order-" + order.id() + "-checkout-0", request.getHeader("Idempotency-Key"));
        assertEquals("Bearer " + StripeStub.SECRET_KEY, request.getHeader("Authorization"));
        Map<String, String> form = StripeStub.form(request);
        String id = String.valueOf(order.id());
        String orderPage = "http://shop.example.test/order?ref=" + row.get("reference");
        assertEquals(id, form.get("metadata[order_id]"));
        assertEquals(id, form.get("payment_intent_data[metadata][order_id]"));
        assertEquals(id, form.get("client_reference_id"));
        assertEquals(orderPage, form.get("success_url"));
        assertEquals(orderPage + "&cancelled=true", form.get("cancel_url"));
        assertEquals("payment", form.get("mode"));
        assertEquals(buyer, form.get("customer_email"));
        assertEquals("1", form.get("line_items[0][quantity]"));
        assertEquals(String.valueOf(PRICE), form.get("line_items[0][price_data][unit_amount]"));
        assertEquals("eur", form.get("line_items[0][price_data][currency]"));
        assertTrue(form.get("line_items[0][price_data][product_data][name]").startsWith(product.title()),
                form.get("line_items[0][price_data][product_data][name]"));
    }

    @Test
    void aDoubleClickGetsTheSameOrderAndTheSameSession() throws Exception {
        Product product = publishedProduct();
        String buyer = buyer();
        String sessionId = stripe.createsSession(buyer);

        Order first = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, REQUESTER));
        Order second = checkout.start(new CheckoutRequest(product.id(), buyer.toUpperCase(Locale.ROOT), null, null, REQUESTER));

        assertEquals(first.id(), second.id());
        assertEquals(first.paymentUrl(), second.paymentUrl());
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer));
        assertEquals(sessionId, order(first.id()).get("psp_session_id"));
        assertEquals(1, stripe.sessionCreations(buyer).size(), "the second click found the session and asked Stripe nothing");
    }

    @Test
    void twoSimultaneousClicksMakeOneOrderWithOneSession() throws Exception {
        Product product = publishedProduct();
        String buyer = buyer();
        // Slow enough that both clicks are inside Checkout.start at the same time.
        String sessionId = stripe.createsSession(buyer, null, 700);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Order> click = () -> {
            together.await(10, TimeUnit.SECONDS);
            return checkout.start(new CheckoutRequest(product.id(), buyer, null, null, REQUESTER));
        };
        Future<Order> one = executor.submit(click);
        Future<Order> other = executor.submit(click);
        Order a = one.get(60, TimeUnit.SECONDS);
        Order b = other.get(60, TimeUnit.SECONDS);

        assertEquals(a.id(), b.id());
        assertEquals(Optional.of("https://checkout.stripe.com/c/pay/" + sessionId), a.paymentUrl());
        assertEquals(a.paymentUrl(), b.paymentUrl());
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer));
        assertEquals(sessionId, order(a.id()).get("psp_session_id"));
        List<LoggedRequest> requests = stripe.sessionCreations(buyer);
        assertFalse(requests.isEmpty());
        for (LoggedRequest request : requests) {
            // Stripe answers every request with one key with the same session: one session at Stripe, whatever happens.
            assertEquals("skillform-order-" + a.id() + "-checkout-0", request.getHeader("Idempotency-Key"));
        }
    }

    @Test
    void whenStripeFailsTheBuyerIsToldNothingWasChargedAndTheRetryUsesAFreshKey() throws Exception {
        Product product = publishedProduct();
        String buyer = buyer();
        stripe.failsSessionCreation(buyer, "-checkout-0", 500);
        String sessionId = stripe.createsSession(buyer, "-checkout-1", 0);

        CheckoutException refused = assertThrows(CheckoutException.class,
                () -> checkout.start(new CheckoutRequest(product.id(), buyer, null, null, REQUESTER)));
        assertEquals(UNREACHABLE, refused.getMessage());

        long orderId = (Long) single("SELECT id FROM customer_order WHERE buyer_email = ?", buyer);
        Map<String, Object> failed = order(orderId);
        assertEquals("PENDING", failed.get("status"));
        assertNull(failed.get("psp_session_id"));
        assertNull(failed.get("payment_url"));
        assertEquals(1, failed.get("session_attempts"));
        assertNotNull(failed.get("pending_key"), "the buyer may try again");
        List<LoggedRequest> attempts = stripe.sessionCreations(buyer);
        assertFalse(attempts.isEmpty());
        for (LoggedRequest attempt : attempts) {
            assertEquals("skillform-order-" + orderId + "-checkout-0", attempt.getHeader("Idempotency-Key"),
                    "stripe-java's own retries repeat the key");
        }

        Order retried = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, REQUESTER));

        assertEquals(orderId, retried.id());
        assertEquals(Optional.of("https://checkout.stripe.com/c/pay/" + sessionId), retried.paymentUrl());
        List<String> keys = stripe.sessionCreations(buyer).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertEquals(attempts.size() + 1, keys.size());
        assertEquals(1, keys.stream().filter(("skillform-order-" + orderId + "-checkout-1")::equals).count(),
                "the retry has a key of its own: Stripe would replay the stored 500 for the old one");
        assertEquals(sessionId, order(orderId).get("psp_session_id"));
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer));
    }

    @Test
    void aCheckoutStripeCouldNotTakeIsAProblemTheSameIdempotencyKeyRetriesOnceStripeRecovers() throws Exception {
        Product product = publishedProduct();
        String buyer = buyer();
        stripe.failsSessionCreation(buyer, "-checkout-0", 500);
        HttpRequest checkout = HttpRequest.newBuilder(base().resolve("api/v1/checkouts"))
                .header("Idempotency-Key", "storefront-" + UUID.randomUUID()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":" + product.id() + ",\"email\":\"" + buyer + "\"}")).build();

        HttpResponse<String> outage = HTTP.send(checkout, HttpResponse.BodyHandlers.ofString());

        assertEquals(503, outage.statusCode(), outage.body());
        assertEquals("application/problem+json", outage.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + UNREACHABLE + "\"}",
                outage.body(), "as the checkout page says it");
        assertTrue(outage.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), outage.headers().toString());
        assertNull(outage.headers().firstValue("Idempotent-Replayed").orElse(null));

        String sessionId = stripe.createsSession(buyer, "-checkout-1", 0);
        HttpResponse<String> recovered = HTTP.send(checkout, HttpResponse.BodyHandlers.ofString());

        assertEquals(201, recovered.statusCode(), "the key was not bound to the outage: " + recovered.body());
        assertNull(recovered.headers().firstValue("Idempotent-Replayed").orElse(null));
        JsonObject created = Json.createReader(new StringReader(recovered.body())).readObject();
        assertEquals("https://checkout.stripe.com/c/pay/" + sessionId, created.getString("payment_url"));
        long orderId = (Long) single("SELECT id FROM customer_order WHERE buyer_email = ?", buyer);
        assertEquals(created.getString("order_id"), order(orderId).get("reference"), "the order the outage left, resumed");
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer));
        HttpResponse<String> replayed = HTTP.send(checkout, HttpResponse.BodyHandlers.ofString());
        assertEquals(recovered.body(), replayed.body());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""), "now the key has its answer");
    }

    @Test
    void aCheckoutWaitingOnStripeKeepsItsIdempotencyKeyFromARetryLongAfterAClaimWouldLapse() throws Exception {
        Product product = publishedProduct();
        String buyer = buyer();
        // Slower than a claim lasts without its heartbeat (10 s): only the renewals keep the retry out.
        String sessionId = stripe.createsSession(buyer, null, 14_000);
        HttpRequest checkout = HttpRequest.newBuilder(base().resolve("api/v1/checkouts"))
                .header("Idempotency-Key", "storefront-" + UUID.randomUUID()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":" + product.id() + ",\"email\":\"" + buyer + "\"}")).build();

        Future<HttpResponse<String>> first = executor.submit(() -> HTTP.send(checkout, HttpResponse.BodyHandlers.ofString()));
        Thread.sleep(12_000);
        HttpResponse<String> retry = HTTP.send(checkout, HttpResponse.BodyHandlers.ofString());

        assertEquals(409, retry.statusCode(), "the first request is alive and still holds the key: " + retry.body());
        HttpResponse<String> answered = first.get(60, TimeUnit.SECONDS);
        assertEquals(201, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains(sessionId), answered.body());
        HttpResponse<String> replayed = HTTP.send(checkout, HttpResponse.BodyHandlers.ofString());
        assertEquals(answered.body(), replayed.body());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer));
        assertEquals(1, stripe.sessionCreations(buyer).size(), "Stripe was asked once");
    }

    // --- webhooks ------------------------------------------------------------------------------------------------------

    @Test
    void onlyAFreshWellSignedWellFormedEventIsAcceptedAndStored() throws Exception {
        long now = Instant.now().getEpochSecond();
        String secret = StripeStub.WEBHOOK_SECRET;
        long rowsBefore = count("SELECT COUNT(*) FROM payment_event WHERE 1 = ?", 1);
        List<String> refusedIds = new ArrayList<>();

        String wrongSecret = unknownSessionExpired();
        refusedIds.add(idOf(wrongSecret));
        assertRefused(wrongSecret, StripeStub.signedHeader(wrongSecret, "whsec_someone_else", now), "Invalid signature");

        String original = unknownSessionExpired();
        String tampered = original.replace("\"expired\"", "\"complete\"");
        refusedIds.add(idOf(original));
        assertRefused(tampered, StripeStub.signedHeader(original, secret, now), "Invalid signature");

        String stale = unknownSessionExpired();
        refusedIds.add(idOf(stale));
        assertRefused(stale, StripeStub.signedHeader(stale, secret, now - 301), "Invalid signature");

        // A body signed ten minutes ago, replayed with a fresh timestamp: the old signature does not cover it.
        String replayed = unknownSessionExpired();
        refusedIds.add(idOf(replayed));
        String oldSignature = StripeStub.signedHeader(replayed, secret, now - 600);
        assertRefused(replayed, "t=" + now + "," + oldSignature.substring(oldSignature.indexOf("v1=")), "Invalid signature");
        assertRefused(replayed, oldSignature, "Invalid signature");

        String unsigned = unknownSessionExpired();
        refusedIds.add(idOf(unsigned));
        assertRefused(unsigned, null, "Invalid signature");
        assertRefused(unsigned, "", "Invalid signature");
        assertRefused(unsigned, "t=" + now, "Invalid signature");

        String notJson = "{\"id\": \"evt_broken\", \"type\": \"checkout.session.completed\", \"data\": {";
        assertRefused(notJson, StripeStub.signedHeader(notJson, secret, now), "Malformed event");
        String noObject = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"created\":" + now + ",\"data\":{}}";
        refusedIds.add(idOf(noObject));
        assertRefused(noObject, StripeStub.signedHeader(noObject, secret, now), "Malformed event");
        String noAmount = StripeStub.event("checkout.session.completed", Json.createObjectBuilder(
                StripeStub.session(StripeStub.newId("cs_test_"), 1, "complete", "paid", PRICE, "EUR", null))
                .remove("amount_total").build()).toString();
        refusedIds.add(idOf(noAmount));
        assertRefused(noAmount, StripeStub.signedHeader(noAmount, secret, now), "Malformed event");

        for (String id : refusedIds) {
            assertEquals(0, count("SELECT COUNT(*) FROM payment_event WHERE event_id = ?", id), id + " left no trace");
        }
        assertEquals(rowsBefore, count("SELECT COUNT(*) FROM payment_event WHERE 1 = ?", 1), "no refused request left a row");

        String good = unknownSessionExpired();
        HttpResponse<String> accepted = postWebhook(good, StripeStub.signedHeader(good, secret, now));
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("{\"received\":true,\"duplicate\":false}", accepted.body());
        Map<String, Object> stored = event(idOf(good)).orElseThrow(() -> new AssertionError("the accepted event is stored"));
        assertEquals("WEBHOOK", stored.get("source"));
        assertEquals("checkout.session.expired", stored.get("type"));
        assertEquals(good, stored.get("payload"), "kept exactly as received");
        assertEquals("IGNORED", awaitSettled(idOf(good)).get("status"), "no SkillForm order has that session");

        assertEquals(404, postWebhook(good, StripeStub.signedHeader(good, secret, now), "webhooks/paypal").statusCode());
    }

    @Test
    void signedButAbsurdEventsAreRefusedWithAPlainReasonOnBothEndpointsAndLeaveNoTrace() throws Exception {
        long now = Instant.now().getEpochSecond();
        long rowsBefore = count("SELECT COUNT(*) FROM payment_event WHERE 1 = ?", 1);
        String completed = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.completed", now,
                StripeStub.session(StripeStub.newId("cs_test_"), 1, "complete", "paid", PRICE, "eur", null)).toString();
        String refunded = StripeStub.event(StripeStub.newId("evt_"), "charge.refunded", now,
                StripeStub.charge(StripeStub.newId("pi_"), 1, PRICE, 1000, "eur")).toString();
        String created = "\"created\":" + now + ",\"data\"";
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        Map<String, String> absurd = new LinkedHashMap<>();
        absurd.put("created in the year 3 billion", completed.replace(created, "\"created\":100000000000000000,\"data\""));
        absurd.put("created before 1970", completed.replace(created, "\"created\":-1,\"data\""));
        absurd.put("a total beyond a long", completed.replace("\"amount_total\":" + PRICE, "\"amount_total\":9223372036854775808"));
        absurd.put("a negative total", completed.replace("\"amount_total\":" + PRICE, "\"amount_total\":-" + PRICE));
        absurd.put("a refund beyond a long", refunded.replace("\"amount_refunded\":1000", "\"amount_refunded\":100000000000000000000"));
        absurd.put("no such currency", refunded.replace("\"currency\":\"eur\"", "\"currency\":\"zzz\""));
        absurd.put("JSON nested 100,000 deep", completed.replace("\"mode\":\"payment\"", "\"mode\":" + nested));
        absurd.put("nothing but nesting", nested);
        for (Map.Entry<String, String> event : absurd.entrySet()) {
            for (String[] endpoint : List.of(new String[] {"webhooks/stripe", StripeStub.WEBHOOK_SECRET},
                    new String[] {"webhooks/dev-gateway", "whsec_skillform_dev_gateway"})) {
                HttpResponse<String> answer = postWebhook(event.getValue(), StripeStub.signedHeader(event.getValue(), endpoint[1], now), endpoint[0]);
                assertEquals(400, answer.statusCode(), event.getKey() + " to " + endpoint[0] + ": " + answer.body());
                assertPlainReason(answer, "Malformed event: The ");
            }
        }
        // A Stripe-Signature header stripe-java cannot read is no signature; what it choked on is not repeated.
        for (String header : List.of("t=abc,v1=00", "t=99999999999999999999,v1=00", "t", "t=,v1=")) {
            HttpResponse<String> answer = postWebhook(completed, header);
            assertEquals(400, answer.statusCode(), header + ": " + answer.body());
            assertEquals("Invalid signature", answer.body(), header);
        }
        assertEquals(rowsBefore, count("SELECT COUNT(*) FROM payment_event WHERE 1 = ?", 1), "no refused request left a row");
    }

    @Test
    void stripesSampleEventWithoutATotalIsAcceptedAndAnOrdersOneLeftToReconciliation() throws Exception {
        long now = Instant.now().getEpochSecond();
        // Stripe's sample session, as its dashboard's "Send test webhook" sends it: no total, no currency, no metadata.
        String sample = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.async_payment_succeeded", now,
                Json.createObjectBuilder(StripeStub.session(StripeStub.newId("cs_test_"), 0, "complete", "paid", 0, "usd", null))
                        .add("amount_subtotal", JsonValue.NULL).add("amount_total", JsonValue.NULL).add("currency", JsonValue.NULL)
                        .add("client_reference_id", JsonValue.NULL).add("metadata", JsonValue.EMPTY_JSON_OBJECT).build()).toString();
        HttpResponse<String> accepted = postWebhook(sample, StripeStub.signedHeader(sample, StripeStub.WEBHOOK_SECRET, now));
        assertEquals(200, accepted.statusCode(), "a 400 would have Stripe retry it for three days: " + accepted.body());
        assertEquals(sample, event(idOf(sample)).orElseThrow().get("payload"), "recorded as received");
        assertEquals("IGNORED", awaitSettled(idOf(sample)).get("status"), "no SkillForm order has that session");

        // The same about one of our orders: not paid on the event's word, nor retried; reconciliation reads the amount.
        StripeOrder placed = placeStripeOrder();
        Order order = placed.order();
        String paymentIntent = StripeStub.newId("pi_");
        JsonObject paidSession = StripeStub.session(placed.sessionId(), order.id(), "complete", "paid", PRICE, "eur", paymentIntent);
        String noTotal = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.async_payment_succeeded", now,
                Json.createObjectBuilder(paidSession).add("amount_total", JsonValue.NULL).build()).toString();
        assertEquals(200, postWebhook(noTotal, StripeStub.signedHeader(noTotal, StripeStub.WEBHOOK_SECRET, now)).statusCode());
        Map<String, Object> settled = awaitSettled(idOf(noTotal));
        assertEquals("PROCESSED", settled.get("status"));
        assertEquals("no amount reported: left to reconciliation, which reads the session", settled.get("outcome"));
        assertEquals("PENDING", order(order.id()).get("status"));
        assertNull(order(order.id()).get("flag_reason"));

        stripe.session(paidSession);
        reconciliation.run(Duration.ZERO).orElseThrow(() -> new AssertionError("the lease was free"));
        assertEquals("PAID", order(order.id()).get("status"), "paid for the amount Stripe's session holds");
        assertEquals(List.of("PENDING", "PAID"), transitions(order.id()));
    }

    @Test
    void redeliveredCompletionAndARefundThatOvertookItEndPartiallyRefundedWithOnePayment() throws Exception {
        StripeOrder placed = placeStripeOrder();
        String sessionId = placed.sessionId();
        Order order = placed.order();
        String paymentIntent = StripeStub.newId("pi_");
        long now = Instant.now().getEpochSecond();

        // The refund's event arrives first: the charge carries the PaymentIntent's metadata, so it finds the order.
        String refund = StripeStub.event(StripeStub.newId("evt_"), "charge.refunded", now,
                StripeStub.charge(paymentIntent, order.id(), PRICE, 1000, "eur")).toString();
        HttpResponse<String> refundAnswer = postWebhook(refund, StripeStub.signedHeader(refund, StripeStub.WEBHOOK_SECRET, now));
        assertEquals(200, refundAnswer.statusCode(), refundAnswer.body());
        Map<String, Object> refundEvent = awaitSettled(idOf(refund));
        assertEquals("PROCESSED", refundEvent.get("status"));
        assertEquals(List.of("PENDING", "PAID", "PARTIALLY_REFUNDED"), transitions(order.id()),
                "the refund proved the payment: recorded first, then the refund");

        // Then the completion, delivered three times, two of them at once.
        String completed = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.completed", now - 5,
                StripeStub.session(sessionId, order.id(), "complete", "paid", PRICE, "eur", paymentIntent)).toString();
        String signature = StripeStub.signedHeader(completed, StripeStub.WEBHOOK_SECRET, now);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(executor.submit(() -> postWebhook(completed, signature)));
        }
        int stored = 0;
        for (Future<HttpResponse<String>> delivery : deliveries) {
            HttpResponse<String> answer = delivery.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            if (answer.body().contains("\"duplicate\":false")) {
                stored++;
            }
        }
        assertEquals(1, stored, "one delivery stored it, the others were recognised");
        Map<String, Object> completedEvent = awaitSettled(idOf(completed));
        assertEquals("PROCESSED", completedEvent.get("status"));
        assertEquals("already partially_refunded", completedEvent.get("outcome"));

        Map<String, Object> row = order(order.id());
        assertEquals("PARTIALLY_REFUNDED", row.get("status"));
        assertEquals(1000L, row.get("refunded_minor"));
        assertEquals(paymentIntent, row.get("psp_payment_intent"));
        assertNotNull(row.get("paid_at"));
        assertNull(row.get("flag_reason"));
        assertEquals(List.of("PENDING", "PAID", "PARTIALLY_REFUNDED"), transitions(order.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM order_transition WHERE to_status = 'PAID' AND order_id = ?", order.id()));
        for (String id : List.of(idOf(refund), idOf(completed))) {
            assertEquals(1, count("SELECT COUNT(*) FROM payment_event WHERE provider = 'STRIPE' AND event_id = ?", id));
            assertEquals(1, count("SELECT COUNT(*) FROM payment_event WHERE status = 'PROCESSED' AND event_id = ?", id));
        }
        // The ledger too: one sale, one refund of the PSP's total, however many deliveries.
        assertEquals(List.of("order:" + order.id() + ":capture", "order:" + order.id() + ":refund:1000"),
                column("SELECT idempotency_key FROM ledger_transaction WHERE order_id = ? ORDER BY id", order.id()));
        assertEquals(PRICE - 1000, count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM ledger_posting p JOIN ledger_transaction t"
                + " ON t.id = p.transaction_id JOIN ledger_account a ON a.id = p.account_id WHERE t.order_id = ?"
                + " AND a.kind = 'PSP_CLEARING'", order.id()), "the PSP holds what was not refunded");
    }

    @Test
    void aCompletionForAnotherAmountFlagsTheOrderAndDoesNotPayIt() throws Exception {
        StripeOrder placed = placeStripeOrder();
        String sessionId = placed.sessionId();
        Order order = placed.order();
        long now = Instant.now().getEpochSecond();

        String completed = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.completed", now,
                StripeStub.session(sessionId, order.id(), "complete", "paid", PRICE - 1450, "eur", StripeStub.newId("pi_"))).toString();
        HttpResponse<String> answer = postWebhook(completed, StripeStub.signedHeader(completed, StripeStub.WEBHOOK_SECRET, now));
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Object> event = awaitSettled(idOf(completed));
        assertEquals("PROCESSED", event.get("status"));
        assertTrue(String.valueOf(event.get("outcome")).startsWith("flagged: amount mismatch"), String.valueOf(event.get("outcome")));

        Map<String, Object> row = order(order.id());
        assertEquals("PENDING", row.get("status"));
        assertNull(row.get("paid_at"));
        assertEquals("The PSP reported a payment of 10.00 EUR for an order of 24.50 EUR", row.get("flag_reason"));
        assertEquals(List.of("PENDING"), transitions(order.id()));
    }

    @Test
    void aCompletionForAnotherSessionOfTheOrderFlagsItInsteadOfPayingIt() throws Exception {
        Order order = placeStripeOrder().order();
        long now = Instant.now().getEpochSecond();
        String stale = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.completed", now,
                StripeStub.session(StripeStub.newId("cs_test_"), order.id(), "complete", "paid", PRICE, "eur",
                        StripeStub.newId("pi_"))).toString();
        assertEquals(200, postWebhook(stale, StripeStub.signedHeader(stale, StripeStub.WEBHOOK_SECRET, now)).statusCode());

        assertEquals("PROCESSED", awaitSettled(idOf(stale)).get("status"));
        Map<String, Object> row = order(order.id());
        assertEquals("PENDING", row.get("status"), "a payment on another session does not pay this order");
        assertTrue(String.valueOf(row.get("flag_reason")).contains("not this order's payment"), row.toString());
    }

    // --- refunds -------------------------------------------------------------------------------------------------------

    @Test
    void aRefundStripeDidNotAnswerIsSentAgainWithTheSameKeyAndCountedOnce() throws Exception {
        StripeOrder placed = placeStripeOrder();
        Order order = placed.order();
        String paymentIntent = StripeStub.newId("pi_");
        long now = Instant.now().getEpochSecond();
        paidByWebhook(placed, paymentIntent, now);
        long owner = ((Number) single("SELECT owner_id FROM store WHERE id = ?", placed.product().store().id())).longValue();

        stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));
        CheckoutException noAnswer = assertThrows(CheckoutException.class,
                () -> refunds.refund(owner, order.id(), Money.of(1000, "EUR")));
        assertTrue(noAnswer.getMessage().startsWith("The payment provider did not answer"), noAnswer.getMessage());
        Map<String, Object> refund = row("SELECT * FROM refund WHERE order_id = ?", order.id()).orElseThrow();
        assertEquals("REQUESTED", refund.get("status"), "not confirmed, not failed: Stripe may have done it");
        assertEquals("PAID", order(order.id()).get("status"), "the order changes only on confirmation");

        // Through the API the unanswered refund is a 502 problem that binds nothing to the Idempotency-Key: Stripe is
        // asked again under the same refund, which is still the only one.
        HttpResponse<String> viaApi = HTTP.send(HttpRequest.newBuilder(base().resolve("api/v1/orders/" + order.reference() + "/refunds"))
                .header("Authorization", "Bearer " + apiTokens.issue(owner, "refunds").secret())
                .header("Idempotency-Key", "refund-" + order.id()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1000}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(502, viaApi.statusCode(), viaApi.body());
        assertEquals("application/problem+json", viaApi.headers().firstValue("Content-Type").orElse(""));
        assertTrue(viaApi.body().startsWith("{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,\"detail\":\"The payment provider did not answer"),
                viaApi.body());
        assertEquals(0, count("SELECT COUNT(*) FROM api_idempotency WHERE response_status = ?", 502), "not bound to the key");
        assertEquals(1, count("SELECT COUNT(*) FROM refund WHERE order_id = ?", order.id()), "the same refund asked again");

        assertEquals("A refund of €10.00 is not confirmed by the payment provider yet. Refund that amount again to retry it safely.",
                assertThrows(CheckoutException.class, () -> refunds.refund(owner, order.id(), Money.of(500, "EUR"))).getMessage());

        stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Json.createObjectBuilder().add("id", StripeStub.newId("re_")).add("object", "refund")
                                .add("amount", 1000).add("currency", "eur").add("status", "succeeded")
                                .add("payment_intent", paymentIntent).build().toString())));
        refunds.refund(owner, order.id(), Money.of(1000, "EUR"));

        assertEquals(1, count("SELECT COUNT(*) FROM refund WHERE order_id = ?", order.id()), "the same refund, not a second");
        assertEquals("SUCCEEDED", row("SELECT * FROM refund WHERE order_id = ?", order.id()).orElseThrow().get("status"));
        Map<String, Object> paid = order(order.id());
        assertEquals("PARTIALLY_REFUNDED", paid.get("status"));
        assertEquals(1000L, ((Number) paid.get("refunded_minor")).longValue());
        List<String> keys = stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).distinct().toList();
        assertEquals(List.of("skillform-refund-" + refund.get("id")), keys, "every attempt carried the refund's own key");
    }

    // --- reconciliation ------------------------------------------------------------------------------------------------

    @Test
    void reconciliationReadsEveryEventPageAndCompletesAnOrderWhoseWebhookNeverCame() throws Exception {
        StripeOrder placed = placeStripeOrder();
        String sessionId = placed.sessionId();
        Order order = placed.order();
        String paymentIntent = StripeStub.newId("pi_");
        long now = Instant.now().getEpochSecond();

        // Other events on the account: nothing to do with this order, two pages of them.
        List<JsonObject> firstPage = List.of(
                StripeStub.event(StripeStub.newId("evt_"), "checkout.session.expired", now - 10,
                        StripeStub.session(StripeStub.newId("cs_test_"), 999_999_999L, "expired", "unpaid", 500, "usd", null)),
                StripeStub.event(StripeStub.newId("evt_"), "payment_intent.payment_failed", now - 20,
                        Json.createObjectBuilder().add("id", StripeStub.newId("pi_")).add("object", "payment_intent")
                                .add("amount", 700).add("currency", "usd")
                                .add("metadata", Json.createObjectBuilder().add("order_id", "999999998"))
                                .add("status", "requires_payment_method").build()));
        List<JsonObject> secondPage = List.of(
                StripeStub.event(StripeStub.newId("evt_"), "customer.created", now - 30,
                        Json.createObjectBuilder().add("id", StripeStub.newId("cus_")).add("object", "customer").build()),
                StripeStub.event(StripeStub.newId("evt_"), "checkout.session.expired", now - 40,
                        StripeStub.session(StripeStub.newId("cs_test_"), 999_999_997L, "expired", "unpaid", 900, "eur", null)));
        stripe.eventPages(List.of(firstPage, secondPage));
        stripe.session(StripeStub.session(sessionId, order.id(), "complete", "paid", PRICE, "eur", paymentIntent));
        stripe.settledPayment(paymentIntent, PRICE, 93, "eur");

        ReconciliationRun run = reconciliation.run(Duration.ZERO).orElseThrow(() -> new AssertionError("the lease was free"));

        Map<String, Object> row = order(order.id());
        assertEquals("PAID", row.get("status"));
        assertEquals(paymentIntent, row.get("psp_payment_intent"));
        assertNotNull(row.get("paid_at"));
        assertEquals(List.of("PENDING", "PAID"), transitions(order.id()));
        assertEquals("reconciliation", single("SELECT cause FROM order_transition WHERE to_status = 'PAID' AND order_id = ?", order.id()));
        // The same pass asked Stripe what the payment cost (its balance transaction) and booked it as the platform's.
        assertEquals(93, count("SELECT p.amount_minor FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
                + " JOIN ledger_account a ON a.id = p.account_id WHERE t.idempotency_key = ? AND a.kind = 'PSP_FEES'",
                "order:" + order.id() + ":psp-fee"));

        assertNotNull(run.id());
        Map<String, Object> recorded = row("SELECT * FROM reconciliation_run WHERE id = ?", run.id())
                .orElseThrow(() -> new AssertionError("the run is recorded"));
        assertTrue(((Number) recorded.get("orders_completed")).intValue() >= 1, recorded.toString());
        assertTrue(((Number) recorded.get("events_seen")).intValue() >= 4, recorded.toString());
        assertTrue(((Number) recorded.get("events_new")).intValue() >= 4, recorded.toString());
        assertNotNull(recorded.get("finished_at"));

        String lastOfFirstPage = firstPage.get(firstPage.size() - 1).getString("id");
        List<LoggedRequest> listings = stripe.eventListRequests();
        assertEquals(2, listings.size(), "one request per page");
        assertEquals(1, listings.stream().filter(r -> !r.queryParameter("starting_after").isPresent()).count(),
                "the first page is asked for without a cursor");
        assertEquals(List.of(lastOfFirstPage), listings.stream().filter(r -> r.queryParameter("starting_after").isPresent())
                .map(r -> r.queryParameter("starting_after").firstValue()).toList(),
                "the second page starts after the first page's last event");
        stripe.server().verify(1, getRequestedFor(urlPathEqualTo("/v1/events"))
                .withQueryParam("starting_after", equalTo(lastOfFirstPage)));
        for (JsonObject event : List.of(firstPage.get(0), firstPage.get(1), secondPage.get(0), secondPage.get(1))) {
            String id = event.getString("id");
            assertEquals(1, count("SELECT COUNT(*) FROM payment_event WHERE source = 'RECONCILIATION' AND event_id = ?", id),
                    id + " went through the inbox");
            assertEquals("IGNORED", awaitSettled(id).get("status"), id + " concerns no SkillForm order");
        }
    }

    @Test
    void eventsAboutPaymentsNoOrderHasGetAFinalOutcomeInsteadOfBeingRetriedForever() throws Exception {
        long now = Instant.now().getEpochSecond();
        // Another system on the same Stripe account: its payments carry none of our metadata.
        String declined = StripeStub.event(StripeStub.newId("evt_"), "payment_intent.payment_failed", now,
                Json.createObjectBuilder().add("id", StripeStub.newId("pi_")).add("object", "payment_intent").add("amount", 700)
                        .add("currency", "usd").add("metadata", Json.createObjectBuilder()).add("status", "requires_payment_method")
                        .build()).toString();
        String disputed = StripeStub.event(StripeStub.newId("evt_"), "charge.dispute.created", now,
                Json.createObjectBuilder().add("id", StripeStub.newId("dp_")).add("object", "dispute").add("amount", 700)
                        .add("currency", "usd").add("charge", StripeStub.newId("ch_")).add("payment_intent", StripeStub.newId("pi_"))
                        .add("metadata", Json.createObjectBuilder()).add("reason", "fraudulent").add("status", "needs_response")
                        .build()).toString();
        String refundedNoPayment = StripeStub.event(StripeStub.newId("evt_"), "charge.refunded", now,
                Json.createObjectBuilder(StripeStub.charge("unused", 0, 700, 700, "usd")).remove("payment_intent")
                        .add("metadata", Json.createObjectBuilder()).build()).toString();
        for (String event : List.of(declined, disputed, refundedNoPayment)) {
            HttpResponse<String> answer = postWebhook(event, StripeStub.signedHeader(event, StripeStub.WEBHOOK_SECRET, now));
            assertEquals(200, answer.statusCode(), answer.body());
        }

        Map<String, Object> never = awaitSettled(idOf(refundedNoPayment));
        assertEquals("UNMATCHED", never.get("status"), "nothing to find an order by: final at once");
        assertEquals("Not SkillForm's: the charge.refunded names no order, session or payment", never.get("outcome"));
        List<String> waiting = List.of(idOf(declined), idOf(disputed));
        for (String id : waiting) {
            Map<String, Object> tried = Eventually.within(PROCESSING, () -> event(id).filter(e -> ((Number) e.get("attempts")).intValue() > 0))
                    .orElseThrow(() -> new AssertionError(id + " was not tried"));
            assertEquals("RECEIVED", tried.get("status"), "its order may still come (a refund that overtook the completion)");
            assertTrue(String.valueOf(tried.get("last_error")).contains("No order yet for payment pi_"), tried.toString());
        }

        // Ten minutes on, reconciliation queues them again: one attempt each, then a longer wait.
        backDate(waiting, "10 MINUTE");
        assertTrue(reconciliation.run(Duration.ofDays(1)).isPresent());
        for (String id : waiting) {
            Map<String, Object> deferred = Eventually.within(PROCESSING, () -> event(id)
                    .filter(e -> InstantConverter.fromColumn(e.get("next_attempt_at")).isAfter(Instant.now().plus(Duration.ofMinutes(9)))))
                    .orElseThrow(() -> new AssertionError(id + " was not queued again with a longer wait: " + event(id)));
            assertEquals("RECEIVED", deferred.get("status"));
        }

        // An hour on, no order has their payments: they are another system's, for good.
        backDate(waiting, "61 MINUTE");
        assertTrue(reconciliation.run(Duration.ofDays(1)).isPresent());
        for (String id : waiting) {
            Map<String, Object> settled = awaitSettled(id);
            assertEquals("UNMATCHED", settled.get("status"), settled.toString());
            assertTrue(String.valueOf(settled.get("outcome")).matches("Not SkillForm's: no order has payment pi_\\w+ after 6[1-9] minutes"),
                    settled.toString());
        }
        Map<String, Object> before = event(idOf(declined)).orElseThrow();
        assertTrue(reconciliation.run(Duration.ofDays(1)).isPresent());
        Thread.sleep(1000);
        assertEquals(before.get("attempts"), event(idOf(declined)).orElseThrow().get("attempts"), "never queued again");
    }

    @Test
    void moreThanAHundredStuckEventsOfAnotherSystemKeepNoRealOneFromBeingAppliedByReconciliation() throws Exception {
        StripeOrder placed = placeStripeOrder();
        Order order = placed.order();
        String paymentIntent = StripeStub.newId("pi_");
        long now = Instant.now().getEpochSecond();
        paidByWebhook(placed, paymentIntent, now);
        assertEquals("PAID", order(order.id()).get("status"));

        // Stuck as the broker leaves events it gave up on: first 120 of another system, half an hour old, then ours.
        String foreign = "evt_foreign_" + UUID.randomUUID().toString().replace("-", "") + "_";
        try {
            for (int i = 0; i < 120; i++) {
                String event = StripeStub.event(foreign + i, "payment_intent.payment_failed", now - 1800,
                        Json.createObjectBuilder().add("id", StripeStub.newId("pi_")).add("object", "payment_intent").add("amount", 700)
                                .add("currency", "usd").add("status", "requires_payment_method").build()).toString();
                insertStuck(foreign + i, "payment_intent.payment_failed", event, "30 MINUTE");
            }
            String refundId = StripeStub.newId("evt_");
            insertStuck(refundId, "charge.refunded", StripeStub.event(refundId, "charge.refunded", now - 600,
                    StripeStub.charge(paymentIntent, order.id(), PRICE, 1000, "eur")).toString(), "10 MINUTE");

            ReconciliationRun run = reconciliation.run(Duration.ofDays(1)).orElseThrow(() -> new AssertionError("the lease was free"));

            assertTrue(run.eventsRequeued() >= 121, "every due event was queued again: " + run.eventsRequeued());
            assertEquals("PROCESSED", awaitSettled(refundId).get("status"));
            assertEquals("PARTIALLY_REFUNDED", order(order.id()).get("status"));
            assertEquals(1000L, order(order.id()).get("refunded_minor"));
            Map<String, Object> other = Eventually.within(PROCESSING, () -> event(foreign + 0)
                    .filter(e -> InstantConverter.fromColumn(e.get("next_attempt_at")).isAfter(Instant.now().plus(Duration.ofMinutes(29)))))
                    .orElseThrow(() -> new AssertionError("the other system's event waits longer now: " + event(foreign + 0)));
            assertEquals("RECEIVED", other.get("status"), "not yet an hour old: its order might still come");
        } finally {
            execute("DELETE FROM payment_event WHERE event_id LIKE ?", foreign + "%");
        }
    }

    @Test
    void aNodeThatDiedHoldingTheReconciliationLeaseKeepsTheJobOnlyUntilItsShortLeaseLapses() throws Exception {
        freeLease("reconciliation");
        // As a node leaves its lease when it is killed in the middle of a pass: taken, never renewed nor released.
        Lease dead = leases.take("reconciliation", "node-killed-mid-pass").orElseThrow(() -> new AssertionError("the lease was free"));
        long taken = System.nanoTime();
        try {
            assertTrue(reconciliation.run(Duration.ofDays(1)).isEmpty(), "while the lease lasts, this node does not reconcile");

            Optional<ReconciliationRun> run = Eventually.within(JobLeases.LENGTH.plusSeconds(10), () -> {
                sleep(500);
                return reconciliation.run(Duration.ofDays(1));
            });

            Duration waited = Duration.ofNanos(System.nanoTime() - taken);
            assertTrue(run.isPresent(), "reconciliation runs again once the dead node's lease has lapsed");
            assertTrue(waited.compareTo(JobLeases.LENGTH.minusSeconds(1)) >= 0 && waited.compareTo(JobLeases.LENGTH.plusSeconds(3)) <= 0,
                    "within seconds of the lease's end (" + JobLeases.LENGTH + "): " + waited);
            assertTrue(JobLeases.LENGTH.compareTo(Duration.ofMinutes(1)) <= 0, "a short lease");
            assertFalse(leases.renew(dead), "the dead node, were it only slow, holds an old token: fenced");
        } finally {
            freeLease("reconciliation");
        }
    }

    @Test
    void aPassWhoseLeaseWasTakenOverKeepsItByItsHeartbeatUntilThenAndRecordsNothingAfter() throws Exception {
        freeLease("reconciliation");
        // Stripe answers the event list slowly: the pass outlives its first renewal (every 10 s).
        stripe.server().stubFor(get(urlPathEqualTo("/v1/events")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(12_000)
                .withBody("{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/events\"}")));
        long runsBefore = count("SELECT COUNT(*) FROM reconciliation_run WHERE 1 = ?", 1);
        long started = System.nanoTime();
        Future<Optional<ReconciliationRun>> pass = executor.submit(() -> reconciliation.run(Duration.ofDays(1)));
        Lease other = null;
        try {
            Map<String, Object> taken = Eventually.within(Duration.ofSeconds(5), () -> lease("reconciliation").filter(l -> l.get("holder") != null))
                    .orElseThrow(() -> new AssertionError("the pass took the lease"));
            Instant firstUntil = InstantConverter.fromColumn(taken.get("leased_until"));
            sleep(Math.max(0, Duration.ofMillis(11_000).minusNanos(System.nanoTime() - started).toMillis()));
            Instant renewedUntil = InstantConverter.fromColumn(lease("reconciliation").orElseThrow().get("leased_until"));
            assertTrue(renewedUntil.isAfter(firstUntil.plusSeconds(5)), "renewed by the heartbeat: " + firstUntil + " → " + renewedUntil);
            assertTrue(leases.take("reconciliation", "another-node").isEmpty(), "another node cannot take a renewed lease");

            // Its renewals stop getting through (a partition, a long pause): the lease lapses and another node takes it.
            execute("UPDATE job_lease SET leased_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE name = ?", "reconciliation");
            other = leases.take("reconciliation", "another-node").orElseThrow(() -> new AssertionError("a lapsed lease is free"));
            assertEquals(((Number) taken.get("fence")).longValue() + 1, other.fence(), "a new token");

            Optional<ReconciliationRun> fenced = pass.get(90, TimeUnit.SECONDS);

            assertTrue(fenced.isEmpty(), "the pass that lost its lease records nothing: " + fenced);
            assertEquals(runsBefore, count("SELECT COUNT(*) FROM reconciliation_run WHERE 1 = ?", 1));
            Map<String, Object> now = lease("reconciliation").orElseThrow();
            assertEquals("another-node", now.get("holder"), "its end freed nothing that is another's: " + now);
            assertEquals(other.fence(), ((Number) now.get("fence")).longValue());
        } finally {
            if (other != null) {
                leases.release(other);
            }
            freeLease("reconciliation");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    /** A buyer's order for a fresh product, checked out through the Stripe stub. */
    private record StripeOrder(Product product, String buyer, String sessionId, Order order) {
    }

    private StripeOrder placeStripeOrder() throws IOException {
        Product product = publishedProduct();
        String buyer = buyer();
        String sessionId = stripe.createsSession(buyer);
        Order order = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, REQUESTER));
        return new StripeOrder(product, buyer, sessionId, order);
    }

    private Product publishedProduct() throws IOException {
        long owner = TestAccounts.creator(accounts).id();
        catalog.openStore(new StoreHandle("it-" + UUID.randomUUID().toString().substring(0, 8)), "Stripe Test Store",
                Currency.getInstance("EUR"), owner);
        Product product = catalog.createProduct(owner, new Slug("field-guide"), "Field Guide", "Notes.", PRICE);
        media.addFile(owner, product.id(), "guide.pdf", new ByteArrayInputStream(
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        return catalog.publish(owner, product.id());
    }

    private static String buyer() {
        return TestAccounts.uniqueEmail().value();
    }

    private static String unknownSessionExpired() {
        return StripeStub.event("checkout.session.expired", Json.createObjectBuilder(
                StripeStub.session(StripeStub.newId("cs_test_"), 0, "expired", "unpaid", PRICE, "eur", null))
                .remove("metadata").add("client_reference_id", "not-ours").build()).toString();
    }

    private static String idOf(String event) {
        return Json.createReader(new StringReader(event)).readObject().getString("id");
    }

    private static URI base() {
        String configured = System.getProperty("skillform.it.baseUrl");
        return URI.create(configured != null ? configured
                : "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/");
    }

    private static HttpResponse<String> postWebhook(String payload, String signature) {
        return postWebhook(payload, signature, "webhooks/stripe");
    }

    private static HttpResponse<String> postWebhook(String payload, String signature, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(String payload, String signature, String reason) {
        HttpResponse<String> answer = postWebhook(payload, signature);
        assertEquals(400, answer.statusCode(), "signature " + signature + ": " + answer.body());
        assertTrue(answer.body().startsWith(reason), answer.body());
    }

    /** One of our reasons, in plain text: nothing a library or the JDK said (as {@code For input string: "abc"}). */
    private static void assertPlainReason(HttpResponse<String> answer, String start) {
        assertTrue(answer.body().startsWith(start), answer.body());
        assertEquals("text/plain;charset=UTF-8", answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        for (String internal : List.of("Exception", "For input string", "null", "java.", "nested")) {
            assertFalse(answer.body().contains(internal), answer.body());
        }
    }

    /** Stripe reports the order's session paid with this PaymentIntent, and the event has been applied. */
    private void paidByWebhook(StripeOrder placed, String paymentIntent, long now) throws InterruptedException {
        String completed = StripeStub.event(StripeStub.newId("evt_"), "checkout.session.completed", now,
                StripeStub.session(placed.sessionId(), placed.order().id(), "complete", "paid", PRICE, "eur", paymentIntent)).toString();
        assertEquals(200, postWebhook(completed, StripeStub.signedHeader(completed, StripeStub.WEBHOOK_SECRET, now)).statusCode());
        awaitSettled(idOf(completed));
    }

    private Map<String, Object> awaitSettled(String eventId) throws InterruptedException {
        return Eventually.within(PROCESSING, () -> event(eventId).filter(e -> !"RECEIVED".equals(e.get("status"))))
                .orElseThrow(() -> new AssertionError("event " + eventId + " was not processed: " + event(eventId)));
    }

    private Optional<Map<String, Object>> event(String eventId) {
        return row("SELECT * FROM payment_event WHERE provider = 'STRIPE' AND event_id = ?", eventId);
    }

    /** An unsettled event as the broker leaves one it gave up on: six attempts, received {@code ago} (SQL interval). */
    private void insertStuck(String eventId, String type, String payload, String ago) {
        execute("INSERT INTO payment_event (provider, event_id, type, payload, source, status, attempts, last_error, received_at)"
                + " VALUES ('STRIPE', ?, ?, ?, 'WEBHOOK', 'RECEIVED', 6, 'SQLTransientConnectionException: database unavailable',"
                + " UTC_TIMESTAMP(6) - INTERVAL " + ago + ")", eventId, type, payload);
    }

    /** The events as if received {@code ago} (SQL interval) and due to be queued again. */
    private void backDate(List<String> eventIds, String ago) {
        for (String id : eventIds) {
            assertEquals(1, execute("UPDATE payment_event SET received_at = UTC_TIMESTAMP(6) - INTERVAL " + ago + ","
                    + " next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE provider = 'STRIPE' AND event_id = ?", id));
        }
    }

    private Optional<Map<String, Object>> lease(String job) {
        return row("SELECT * FROM job_lease WHERE name = ?", job);
    }

    /** Whoever held the job's lease (another test, a dead node of one), it is free. */
    private void freeLease(String job) {
        execute("UPDATE job_lease SET holder = NULL, leased_until = UTC_TIMESTAMP(6) WHERE name = ?", job);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int execute(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> order(long id) {
        return row("SELECT * FROM customer_order WHERE id = ?", id).orElseThrow(() -> new AssertionError("no order " + id));
    }

    private List<String> transitions(long orderId) throws SQLException {
        return column("SELECT to_status FROM order_transition WHERE order_id = ? ORDER BY id", orderId);
    }

    private List<String> column(String sql, Object parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private Optional<Map<String, Object>> row(String sql, Object parameter) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rows = q.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData meta = rows.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object single(String sql, Object parameter) {
        return row(sql, parameter).map(r -> r.values().iterator().next()).orElse(null);
    }

    private long count(String sql, Object parameter) {
        return ((Number) single(sql, parameter)).longValue();
    }
}
