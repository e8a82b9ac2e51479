package io.skillform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stripe's event JSON (as in its API reference) read into SkillForm's payment facts. */
class PaymentFactTest {

    private static final long CREATED = 1_780_000_000L;

    private static String event(String type, JsonObject object) {
        return Json.createObjectBuilder()
                .add("id", "evt_1QxTest")
                .add("object", "event")
                .add("api_version", "2024-06-20")
                .add("created", CREATED)
                .add("data", Json.createObjectBuilder().add("object", object))
                .add("livemode", false)
                .add("pending_webhooks", 1)
                .add("type", type)
                .build().toString();
    }

    private static PaymentFact fact(String type, JsonObject object) {
        return PaymentFact.of(PspEvent.parse(event(type, object))).orElseThrow(() -> new AssertionError(type + " is not handled"));
    }

    private static JsonObjectBuilder session(String status, String paymentStatus) {
        return Json.createObjectBuilder()
                .add("id", "cs_test_a1")
                .add("object", "checkout.session")
                .add("amount_total", 2450)
                .add("currency", "eur")
                .add("client_reference_id", "42")
                .add("metadata", Json.createObjectBuilder().add("order_id", "42"))
                .add("mode", "payment")
                .add("payment_intent", "pi_3Test")
                .add("payment_status", paymentStatus)
                .add("status", status)
                .add("url", JsonObject.NULL);
    }

    private static JsonObjectBuilder charge() {
        return Json.createObjectBuilder()
                .add("id", "ch_3Test")
                .add("object", "charge")
                .add("amount", 2450)
                .add("amount_captured", 2450)
                .add("amount_refunded", 1000)
                .add("currency", "eur")
                .add("metadata", Json.createObjectBuilder().add("order_id", "42"))
                .add("payment_intent", "pi_3Test")
                .add("refunded", false)
                .add("status", "succeeded");
    }

    private static JsonObjectBuilder paymentIntent() {
        return Json.createObjectBuilder()
                .add("id", "pi_3Test")
                .add("object", "payment_intent")
                .add("amount", 2450)
                .add("currency", "eur")
                .add("metadata", Json.createObjectBuilder().add("order_id", "42"))
                .add("status", "requires_payment_method");
    }

    private static JsonObjectBuilder dispute(String status) {
        return Json.createObjectBuilder()
                .add("id", "dp_1Test")
                .add("object", "dispute")
                .add("amount", 2450)
                .add("charge", "ch_3Test")
                .add("currency", "eur")
                .add("metadata", Json.createObjectBuilder())
                .add("payment_intent", "pi_3Test")
                .add("reason", "fraudulent")
                .add("status", status);
    }

    private static final PaymentFact.Locator SESSION_42 =
            new PaymentFact.Locator(Optional.of(42L), Optional.of("cs_test_a1"), Optional.of("pi_3Test"));

    // --- PspEvent.parse -------------------------------------------------------------------------------------------

    @Test
    void parsesStripesEventEnvelope() {
        PspEvent event = PspEvent.parse(event("checkout.session.completed", session("complete", "paid").build()));
        assertEquals("evt_1QxTest", event.id());
        assertEquals("checkout.session.completed", event.type());
        assertEquals(Instant.ofEpochSecond(CREATED), event.created());
        assertEquals("cs_test_a1", event.object().getString("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"id\":", "<xml/>", "\"a string\"", "[]", "42", "null"})
    void refusesWhatIsNotAJsonObject(String body) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PspEvent.parse(body));
        assertTrue(e.getMessage().startsWith("The body "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no id|{\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":{}}}|id",
        "blank id|{\"id\":\" \",\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":{}}}|id",
        "numeric id|{\"id\":7,\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":{}}}|id",
        "no type|{\"id\":\"evt_1\",\"created\":1,\"data\":{\"object\":{}}}|type",
        "null type|{\"id\":\"evt_1\",\"type\":null,\"created\":1,\"data\":{\"object\":{}}}|type",
        "no created|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"data\":{\"object\":{}}}|created",
        "text created|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":\"1\",\"data\":{\"object\":{}}}|created",
        "fractional created|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1.5,\"data\":{\"object\":{}}}|created",
        "no data|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1}|data.object",
        "no data.object|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1,\"data\":{}}|data.object",
        "data.object not an object|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":[]}}|data.object",
        "data not an object|{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1,\"data\":\"x\"}|data.object"})
    void refusesAnEventWithoutItsRequiredFields(String name, String body, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PspEvent.parse(body));
        assertTrue(e.getMessage().contains("\"" + field + "\"") || e.getMessage().contains(field), e.getMessage());
    }

    /** Numbers beyond a long (some far beyond), and a few that fit it but not a clock or an amount. */
    static List<String> absurdNumbers() {
        return List.of("100000000000000000000", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(2000), "-1");
    }

    @ParameterizedTest(name = "created {0}")
    @MethodSource("absurdNumbers")
    @ValueSource(strings = {"100000000000000000", "253402300800"})
    void refusesACreatedTimeNoClockShows(String created) {
        String body = "{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":" + created + ",\"data\":{\"object\":{}}}";
        // (The 2001 digits the parser itself does not read: "The body could not be read as JSON".)
        assertThrows(MalformedEvent.class, () -> PspEvent.parse(body));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"),
                PspEvent.parse(body.replace(created, "253402300799")).created(), "the last second a database timestamp holds");
    }

    @Test
    void refusesJsonNestedDeeperThanTheParserReads() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals("The body could not be read as JSON", assertThrows(MalformedEvent.class, () -> PspEvent.parse(deep)).getMessage());
        String deepInside = event("charge.refunded", Json.createObjectBuilder().add("a", JsonObject.EMPTY_JSON_OBJECT).build())
                .replace("{\"a\":{}}", "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertThrows(MalformedEvent.class, () -> PspEvent.parse(deepInside));
    }

    @Test
    void refusesIdsAndTypesLongerThanTheColumns() {
        String longId = "{\"id\":\"" + "e".repeat(121) + "\",\"type\":\"t\",\"created\":1,\"data\":{\"object\":{}}}";
        assertThrows(IllegalArgumentException.class, () -> PspEvent.parse(longId));
        String longType = "{\"id\":\"evt_1\",\"type\":\"" + "t".repeat(81) + "\",\"created\":1,\"data\":{\"object\":{}}}";
        assertThrows(IllegalArgumentException.class, () -> PspEvent.parse(longType));
        String longest = "{\"id\":\"" + "e".repeat(120) + "\",\"type\":\"" + "t".repeat(80) + "\",\"created\":1,\"data\":{\"object\":{}}}";
        assertEquals(120, PspEvent.parse(longest).id().length());
    }

    // --- PaymentFact.of(PspEvent) -----------------------------------------------------------------------------------

    @Test
    void aCompletedPaidSessionIsAPaymentOfItsTotal() {
        PaymentFact fact = fact("checkout.session.completed", session("complete", "paid").build());
        assertEquals(new PaymentFact.CheckoutPaid(SESSION_42, Optional.of(Money.of(2450, "EUR"))), fact);
    }

    @Test
    void aCompletedSessionThatNeededNoPaymentIsPaid() {
        assertInstanceOf(PaymentFact.CheckoutPaid.class,
                fact("checkout.session.completed", session("complete", "no_payment_required").build()));
    }

    @Test
    void aCompletedUnpaidSessionAwaitsADelayedPayment() {
        PaymentFact fact = fact("checkout.session.completed", session("complete", "unpaid").add("payment_intent", JsonObject.NULL).build());
        assertEquals(new PaymentFact.CheckoutAwaitingPayment(
                new PaymentFact.Locator(Optional.of(42L), Optional.of("cs_test_a1"), Optional.empty())), fact);
    }

    @Test
    void aDelayedPaymentSucceedsOrFails() {
        assertEquals(new PaymentFact.CheckoutPaid(SESSION_42, Optional.of(Money.of(2450, "EUR"))),
                fact("checkout.session.async_payment_succeeded", session("complete", "paid").build()));
        assertEquals(new PaymentFact.CheckoutFailed(SESSION_42, "The delayed payment failed"),
                fact("checkout.session.async_payment_failed", session("complete", "unpaid").build()));
    }

    @Test
    void anExpiredSessionExpires() {
        assertEquals(new PaymentFact.CheckoutExpired(SESSION_42),
                fact("checkout.session.expired", session("expired", "unpaid").build()));
    }

    @Test
    void theOrderIsFoundByClientReferenceWhenMetadataIsMissingOrNotAnId() {
        PaymentFact.Locator noMetadata = fact("checkout.session.expired",
                session("expired", "unpaid").remove("metadata").build()).locator();
        assertEquals(Optional.of(42L), noMetadata.orderId());
        PaymentFact.Locator badMetadata = fact("checkout.session.expired", session("expired", "unpaid")
                .add("metadata", Json.createObjectBuilder().add("order_id", "forty-two")).build()).locator();
        assertEquals(Optional.of(42L), badMetadata.orderId());
        PaymentFact.Locator neither = fact("checkout.session.expired", session("expired", "unpaid").remove("metadata")
                .add("client_reference_id", JsonObject.NULL).build()).locator();
        assertEquals(new PaymentFact.Locator(Optional.empty(), Optional.of("cs_test_a1"), Optional.of("pi_3Test")), neither);
    }

    @Test
    void aDeclinedPaymentIntentFailsWithStripesMessage() {
        PaymentFact withError = fact("payment_intent.payment_failed", paymentIntent().add("last_payment_error",
                Json.createObjectBuilder().add("code", "card_declined").add("message", "Your card was declined.")).build());
        assertEquals(new PaymentFact.PaymentFailed(
                new PaymentFact.Locator(Optional.of(42L), Optional.empty(), Optional.of("pi_3Test")), "Your card was declined."), withError);
        PaymentFact withoutError = fact("payment_intent.payment_failed", paymentIntent().add("last_payment_error", JsonObject.NULL).build());
        assertEquals("The payment was declined", ((PaymentFact.PaymentFailed) withoutError).reason());
    }

    @Test
    void aRefundedChargeReportsTheCaptureAndTheCumulativeRefundInUpperCaseCurrency() {
        PaymentFact fact = fact("charge.refunded", charge().build());
        assertEquals(new PaymentFact.ChargeRefunded(
                new PaymentFact.Locator(Optional.of(42L), Optional.empty(), Optional.of("pi_3Test")),
                Money.of(2450, "EUR"), Money.of(1000, "EUR")), fact);
    }

    @Test
    void aRefundedChargeWithoutOrderMetadataIsLocatedByItsPaymentIntent() {
        PaymentFact fact = fact("charge.refunded", charge().remove("metadata").add("currency", "jpy").build());
        assertEquals(new PaymentFact.Locator(Optional.empty(), Optional.empty(), Optional.of("pi_3Test")), fact.locator());
        assertEquals(Money.of(1000, "JPY"), ((PaymentFact.ChargeRefunded) fact).refundedTotal());
    }

    @Test
    void aDisputeOpensAndClosesWonOrLost() {
        PaymentFact.Locator byIntent = new PaymentFact.Locator(Optional.empty(), Optional.empty(), Optional.of("pi_3Test"));
        assertEquals(new PaymentFact.DisputeOpened(byIntent, "dp_1Test"),
                fact("charge.dispute.created", dispute("needs_response").build()));
        assertEquals(new PaymentFact.DisputeClosed(byIntent, true), fact("charge.dispute.closed", dispute("won").build()));
        assertEquals(new PaymentFact.DisputeClosed(byIntent, false), fact("charge.dispute.closed", dispute("lost").build()));
        assertEquals(Optional.empty(), PaymentFact.of(PspEvent.parse(event("charge.dispute.created", dispute("warning_needs_response").build()))),
                "an inquiry moves no money");
        assertEquals(Optional.empty(), PaymentFact.of(PspEvent.parse(event("charge.dispute.closed", dispute("warning_closed").build()))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.created", "payment_intent.succeeded", "charge.succeeded", "invoice.paid",
        "checkout.session.completed.v2", ""})
    void otherEventTypesAreNotActedOn(String type) {
        assertTrue(PaymentFact.of(new PspEvent("evt_1", type, Instant.EPOCH, charge().build())).isEmpty());
    }

    @Test
    void aHandledEventMissingWhatItNeedsIsRefused() {
        // The webhook endpoint answers 400 to these rather than storing an event it could never apply.
        assertThrows(IllegalArgumentException.class,
                () -> PaymentFact.of(PspEvent.parse(event("checkout.session.completed", session("complete", "paid").remove("amount_total").build()))));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentFact.of(PspEvent.parse(event("checkout.session.completed", session("complete", "paid").remove("id").build()))));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentFact.of(PspEvent.parse(event("charge.refunded", charge().add("amount_refunded", "1000").build()))));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentFact.of(PspEvent.parse(event("charge.refunded", charge().remove("currency").build()))));
    }

    @ParameterizedTest(name = "amount {0}")
    @MethodSource("absurdNumbers")
    @ValueSource(strings = "24.5")
    void refusesAnAmountNoPaymentHas(String amount) {
        String completed = event("checkout.session.completed", session("complete", "paid").build())
                .replace("\"amount_total\":2450", "\"amount_total\":" + amount);
        assertThrows(MalformedEvent.class, () -> PaymentFact.of(PspEvent.parse(completed)));
        String refunded = event("charge.refunded", charge().build()).replace("\"amount_refunded\":1000", "\"amount_refunded\":" + amount);
        assertThrows(MalformedEvent.class, () -> PaymentFact.of(PspEvent.parse(refunded)));
    }

    @Test
    void theReasonsNameTheFieldInOurOwnWords() {
        String body = "{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":100000000000000000,\"data\":{\"object\":{}}}";
        assertEquals("The event has no valid \"created\" time", assertThrows(MalformedEvent.class, () -> PspEvent.parse(body)).getMessage());
        String completed = event("checkout.session.completed", session("complete", "paid").build())
                .replace("\"amount_total\":2450", "\"amount_total\":9223372036854775808");
        assertEquals("The event object has no valid amount \"amount_total\"",
                assertThrows(MalformedEvent.class, () -> PaymentFact.of(PspEvent.parse(completed))).getMessage());
    }

    @Test
    void refusesACurrencyThatIsNotIso4217WithAReasonOfOurs() {
        assertEquals("The event object has no valid \"currency\"", assertThrows(MalformedEvent.class,
                () -> PaymentFact.of(PspEvent.parse(event("charge.refunded", charge().add("currency", "zzz").build())))).getMessage());
    }

    @Test
    void aPaidSessionWithoutATotalIsAPaymentOfAnUnknownAmount() {
        // Stripe's sample session (its dashboard's test events): "amount_total" and "currency" null, no metadata.
        JsonObject sample = session("complete", "paid").add("amount_total", JsonObject.NULL).add("currency", JsonObject.NULL).build();
        assertEquals(new PaymentFact.CheckoutPaid(SESSION_42, Optional.empty()),
                fact("checkout.session.async_payment_succeeded", sample));
        assertEquals(new PaymentFact.CheckoutPaid(SESSION_42, Optional.empty()), fact("checkout.session.completed", sample));
        GatewaySession noTotal = new GatewaySession("cs_test_a1", null, "complete", "paid", null, "pi_3Test", Optional.of(42L));
        assertEquals(Optional.of(new PaymentFact.CheckoutPaid(SESSION_42, Optional.empty())), PaymentFact.of(noTotal));
    }

    // --- PaymentFact.of(GatewaySession) ------------------------------------------------------------------------------

    @Test
    void aSessionReadBackFromThePspGivesTheSameFactAsItsWebhook() {
        GatewaySession paid = new GatewaySession("cs_test_a1", null, "complete", "paid", Money.of(2450, "EUR"), "pi_3Test", Optional.of(42L));
        assertEquals(Optional.of(new PaymentFact.CheckoutPaid(SESSION_42, Optional.of(Money.of(2450, "EUR")))), PaymentFact.of(paid));
        GatewaySession expired = new GatewaySession("cs_test_a1", null, "expired", "unpaid", Money.of(2450, "EUR"), null, Optional.of(42L));
        assertInstanceOf(PaymentFact.CheckoutExpired.class, PaymentFact.of(expired).orElseThrow());
        GatewaySession open = new GatewaySession("cs_test_a1", "https://checkout.stripe.com/c/pay/cs_test_a1", "open", "unpaid",
                Money.of(2450, "EUR"), null, Optional.of(42L));
        assertFalse(PaymentFact.of(open).isPresent());
        GatewaySession completeUnpaid = new GatewaySession("cs_test_a1", null, "complete", "unpaid", Money.of(2450, "EUR"), null, Optional.of(42L));
        assertFalse(PaymentFact.of(completeUnpaid).isPresent(), "a delayed payment is not paid yet");
    }
}
