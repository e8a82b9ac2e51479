package io.skillform.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.net.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stripe's API, as far as SkillForm uses it, on WireMock at {@code 127.0.0.1:${skillform.it.stripePort}} — the
 * address the test server's {@code SKILLFORM_STRIPE_API_BASE} points at. The real stripe-java client in the server
 * talks to it. Answers are shaped like Stripe's (objects, lists, errors); webhooks are signed like Stripe's.
 *
 * <p>WireMock runs in the JVM of whoever starts it: in-container tests add its jar to their deployment
 * ({@link #wireMockJar()}) and start one stub per test.
 */
public final class StripeStub implements AutoCloseable {

    /** The test server's Stripe settings (arquillian.xml). */
    public static final String SECRET_KEY = "sk_test_skillform";
    public static final String WEBHOOK_SECRET = "whsec_test_skillform";

    private static final String SESSION_FROM_REQUEST = "stripe-checkout-session-from-request";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WireMockServer server;

    private StripeStub(WireMockServer server) {
        this.server = server;
    }

    public static int port() {
        return Integer.getInteger("skillform.it.stripePort", 18111);
    }

    /** WireMock's standalone jar, from the class path of the JVM asking (the test JVM, when building a deployment). */
    public static File wireMockJar() {
        try {
            return new File(WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an empty stub; anything not stubbed gets Stripe's 404 for an unknown URL or object. */
    public static StripeStub start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(port())
                .containerThreads(20)
                .extensions(new SessionFromRequest()));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(error(404, "invalid_request_error",
                "Unrecognized request URL or no such object.")));
        return new StripeStub(server);
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    // --- stubs ---------------------------------------------------------------------------------------------------------

    /**
     * {@code POST /v1/checkout/sessions} for this buyer answers like Stripe: a new open session built from the request
     * (amount, currency, metadata, client reference…), under a session id chosen here.
     *
     * @param idempotencyKeySuffix only requests whose Idempotency-Key ends so ("-checkout-1"); null for any
     * @return the session's id
     */
    public String createsSession(String buyerEmail, String idempotencyKeySuffix, int delayMillis) {
        String sessionId = newId("cs_test_");
        MappingBuilder mapping = sessionCreation(buyerEmail, idempotencyKeySuffix);
        server.stubFor(mapping.willReturn(new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", newId("req_"))
                .withFixedDelay(delayMillis)
                .withTransformers(SESSION_FROM_REQUEST)
                .withTransformerParameter("sessionId", sessionId)));
        return sessionId;
    }

    public String createsSession(String buyerEmail) {
        return createsSession(buyerEmail, null, 0);
    }

    /** Session creation for this buyer fails with Stripe's error answer for the HTTP status. */
    public void failsSessionCreation(String buyerEmail, String idempotencyKeySuffix, int status) {
        server.stubFor(sessionCreation(buyerEmail, idempotencyKeySuffix).willReturn(status >= 500
                ? error(status, "api_error", "Something went wrong on Stripe's end.")
                : error(status, "invalid_request_error", "The request was refused.")));
    }

    private static MappingBuilder sessionCreation(String buyerEmail, String idempotencyKeySuffix) {
        MappingBuilder mapping = post(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withFormParam("customer_email", equalTo(buyerEmail));
        return idempotencyKeySuffix == null ? mapping
                : mapping.withHeader("Idempotency-Key", matching(".*" + Pattern.quote(idempotencyKeySuffix)));
    }

    /** {@code GET /v1/checkout/sessions/{id}} answers with this session object. */
    public void session(JsonObject session) {
        server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session.getString("id")))
                .willReturn(json(200, session)));
    }

    /**
     * {@code GET /v1/payment_intents/{id}} answers with the PaymentIntent, its latest charge and that charge's
     * balance transaction expanded — only when asked to ({@code expand[0]=latest_charge.balance_transaction}, as
     * stripe-java encodes it).
     */
    public void settledPayment(String paymentIntent, long amount, long fee, String currency) {
        JsonObject balance = Json.createObjectBuilder().add("id", newId("txn_")).add("object", "balance_transaction")
                .add("amount", amount).add("fee", fee).add("net", amount - fee).add("currency", currency).build();
        JsonObject charge = Json.createObjectBuilder().add("id", newId("ch_")).add("object", "charge").add("amount", amount)
                .add("currency", currency).add("payment_intent", paymentIntent).add("balance_transaction", balance).build();
        server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + paymentIntent))
                .withQueryParam("expand[0]", equalTo("latest_charge.balance_transaction"))
                .willReturn(json(200, Json.createObjectBuilder().add("id", paymentIntent).add("object", "payment_intent")
                        .add("amount", amount).add("currency", currency).add("status", "succeeded").add("latest_charge", charge).build())));
    }

    /**
     * {@code GET /v1/events} answers page by page as Stripe paginates: the first request (no starting_after) gets the
     * first page, a request with starting_after = the last id of page n gets page n + 1; has_more is set on all but
     * the last.
     */
    public void eventPages(List<List<JsonObject>> pages) {
        String after = null;
        for (int i = 0; i < pages.size(); i++) {
            List<JsonObject> page = pages.get(i);
            JsonArrayBuilder data = Json.createArrayBuilder();
            page.forEach(data::add);
            JsonObject list = Json.createObjectBuilder()
                    .add("object", "list")
                    .add("data", data)
                    .add("has_more", i < pages.size() - 1)
                    .add("url", "/v1/events")
                    .build();
            server.stubFor(get(urlPathEqualTo("/v1/events"))
                    .withQueryParam("starting_after", after == null ? absent() : equalTo(after))
                    .willReturn(json(200, list)));
            after = page.get(page.size() - 1).getString("id");
        }
    }

    // --- what was asked ------------------------------------------------------------------------------------------------

    public List<LoggedRequest> sessionCreations(String buyerEmail) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("customer_email", equalTo(buyerEmail)));
    }

    public List<LoggedRequest> eventListRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v1/events")));
    }

    /** A form-encoded body as Stripe reads it: {@code metadata[order_id]} etc. as plain keys, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        return form(request.getBodyAsString());
    }

    public static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    // --- Stripe's JSON -------------------------------------------------------------------------------------------------

    public static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A checkout.session object (mode payment, one line item). */
    public static JsonObject session(String id, long orderId, String status, String paymentStatus, long amountTotal,
                                     String currency, String paymentIntent) {
        long created = Instant.now().getEpochSecond();
        JsonObjectBuilder session = Json.createObjectBuilder()
                .add("id", id)
                .add("object", "checkout.session")
                .add("amount_subtotal", amountTotal)
                .add("amount_total", amountTotal)
                .add("cancel_url", "http://shop.example.test/order?cancelled=true")
                .add("client_reference_id", String.valueOf(orderId))
                .add("created", created)
                .add("currency", currency.toLowerCase(Locale.ROOT))
                .add("customer_email", "buyer@example.test")
                .add("expires_at", created + 86_400)
                .add("livemode", false)
                .add("metadata", Json.createObjectBuilder().add("order_id", String.valueOf(orderId)))
                .add("mode", "payment")
                .add("payment_status", paymentStatus)
                .add("status", status)
                .add("success_url", "http://shop.example.test/order")
                .add("url", "open".equals(status) ? Json.createValue("https://checkout.stripe.com/c/pay/" + id) : JsonValue.NULL);
        session.add("payment_intent", paymentIntent == null ? JsonValue.NULL : Json.createValue(paymentIntent));
        return session.build();
    }

    /** A charge object of a PaymentIntent created by Checkout: the PaymentIntent's metadata is copied to it. */
    public static JsonObject charge(String paymentIntent, long orderId, long amount, long amountRefunded, String currency) {
        return Json.createObjectBuilder()
                .add("id", newId("ch_"))
                .add("object", "charge")
                .add("amount", amount)
                .add("amount_captured", amount)
                .add("amount_refunded", amountRefunded)
                .add("captured", true)
                .add("created", Instant.now().getEpochSecond())
                .add("currency", currency.toLowerCase(Locale.ROOT))
                .add("livemode", false)
                .add("metadata", Json.createObjectBuilder().add("order_id", String.valueOf(orderId)))
                .add("paid", true)
                .add("payment_intent", paymentIntent)
                .add("refunded", amountRefunded == amount)
                .add("status", "succeeded")
                .build();
    }

    /** An event object around {@code object}, as webhooks and {@code GET /v1/events} deliver it. */
    public static JsonObject event(String id, String type, long created, JsonObject object) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("object", "event")
                .add("api_version", "2024-06-20")
                .add("created", created)
                .add("data", Json.createObjectBuilder().add("object", object))
                .add("livemode", false)
                .add("pending_webhooks", 1)
                .add("request", Json.createObjectBuilder().add("id", JsonValue.NULL).add("idempotency_key", JsonValue.NULL))
                .add("type", type)
                .build();
    }

    public static JsonObject event(String type, JsonObject object) {
        return event(newId("evt_"), type, Instant.now().getEpochSecond(), object);
    }

    /** The Stripe-Signature header Stripe sends with {@code payload}: {@code t=<timestamp>,v1=<HMAC-SHA256 hex>}. */
    public static String signedHeader(String payload, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, JsonObject body) {
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", newId("req_"))
                .withBody(body.toString());
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return json(status, Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("type", type).add("message", message))
                .build());
    }

    /** Answers a session creation with the session Stripe would create from the posted form. */
    private static final class SessionFromRequest implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return SESSION_FROM_REQUEST;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Map<String, String> form = form(serveEvent.getRequest());
            String id = serveEvent.getTransformerParameters().getString("sessionId");
            long amount = Long.parseLong(form.getOrDefault("line_items[0][price_data][unit_amount]", "0"))
                    * Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
            JsonObjectBuilder metadata = Json.createObjectBuilder();
            form.forEach((key, value) -> {
                if (key.startsWith("metadata[") && key.endsWith("]")) {
                    metadata.add(key.substring("metadata[".length(), key.length() - 1), value);
                }
            });
            long created = Instant.now().getEpochSecond();
            JsonObject session = Json.createObjectBuilder()
                    .add("id", id)
                    .add("object", "checkout.session")
                    .add("amount_subtotal", amount)
                    .add("amount_total", amount)
                    .add("cancel_url", form.getOrDefault("cancel_url", ""))
                    .add("client_reference_id", form.containsKey("client_reference_id")
                            ? Json.createValue(form.get("client_reference_id")) : JsonValue.NULL)
                    .add("created", created)
                    .add("currency", form.getOrDefault("line_items[0][price_data][currency]", "usd"))
                    .add("customer_email", form.getOrDefault("customer_email", ""))
                    .add("expires_at", created + 86_400)
                    .add("livemode", false)
                    .add("metadata", metadata)
                    .add("mode", form.getOrDefault("mode", "payment"))
                    .add("payment_intent", JsonValue.NULL)
                    .add("payment_status", "unpaid")
                    .add("status", "open")
                    .add("success_url", form.getOrDefault("success_url", ""))
                    .add("url", "https://checkout.stripe.com/c/pay/" + id)
                    .build();
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                    .withBody(session.toString())
                    .build();
        }
    }
}
