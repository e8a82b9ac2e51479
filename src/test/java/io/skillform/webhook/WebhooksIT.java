package io.skillform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Pricing;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.ProductRevision;
import io.skillform.catalog.Slug;
import io.skillform.catalog.StoreHandle;
import io.skillform.checkout.Checkout;
import io.skillform.checkout.CheckoutRequest;
import io.skillform.checkout.Order;
import io.skillform.checkout.OrderStatus;
import io.skillform.checkout.Orders;
import io.skillform.checkout.Refunds;
import io.skillform.identity.Account;
import io.skillform.identity.Accounts;
import io.skillform.identity.Role;
import io.skillform.mail.DevMailCatcher;
import io.skillform.payment.devgateway.DevGateway;
import io.skillform.payment.devgateway.DevWebhookSender;
import io.skillform.shared.Money;
import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import io.skillform.testing.TestAccounts;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks inside WildFly on MariaDB, to a receiver listening on the test server's loopback address: a dev-gateway
 * payment reported three times posts one signed order.paid (verified here with the secret shown once); a receiver
 * answering 500 is retried on the (shortened) schedule, and the order's refund waits for it; an endpoint that always
 * fails is disabled, its creator mailed, and nothing more is sent; another creator sees and touches none of it.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final Logger LOG = Logger.getLogger(WebhooksIT.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SERVER = "http://127.0.0.1:"
            + (Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0));
    private static final List<String> ORDER_EVENTS = List.of("order.paid", "order.partially_refunded", "order.refunded");

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(WebhooksIT.class, WebhookReceiver.class, WebhookReceiver.Received.class, ReceiverSignature.class,
                TestAccounts.class);
    }

    @Inject
    Catalog catalog;

    @Inject
    ProductMedia media;

    @Inject
    Accounts accounts;

    @Inject
    Checkout checkout;

    @Inject
    Orders orders;

    @Inject
    Refunds refunds;

    @Inject
    DevGateway gateway;

    @Inject
    DevWebhookSender pspWebhooks;

    @Inject
    DevMailCatcher mail;

    @Inject
    WebhookEndpoints endpoints;

    @Test
    void aPaymentReportedThreeTimesIsPostedOnceSignedWithTheSecretShownOnce() throws Exception {
        Shop shop = shop();
        String receiver = receiverName();
        IssuedSecret issued = endpoints.register(shop.owner(), SERVER + "/it-webhook-receiver/" + receiver, "Fulfilment",
                List.of("order.paid", "product.updated"));
        assertTrue(issued.secret().startsWith("whsec_"), issued.secret());

        long started = System.nanoTime();
        Order order = pay(shop);
        WebhookReceiver.Received paid = Eventually.within(PATIENCE, () -> WebhookReceiver.received(receiver).stream().findFirst())
                .orElseThrow(() -> new AssertionError("no webhook"));
        LOG.info(() -> "Webhook received " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms after the payment");
        // The PSP's webhook twice more, as a PSP retrying would send it: the order does not change, nothing more is sent.
        String completed = gateway.events(Instant.now().minus(Duration.ofMinutes(5)), null).rawEvents().stream()
                .filter(e -> e.contains(order.pspSessionId().orElseThrow()) && e.contains("checkout.session.completed"))
                .findFirst().orElseThrow();
        pspWebhooks.deliver(completed);
        pspWebhooks.deliver(completed);
        Thread.sleep(3000);
        assertEquals(1, WebhookReceiver.received(receiver).size(), "exactly one order.paid");

        assertTrue(paid.id().matches("msg_[A-Za-z0-9_-]{22}"), paid.id());
        long timestamp = Long.parseLong(paid.timestamp());
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, paid.timestamp());
        assertEquals(ReceiverSignature.expected(issued.secret(), paid.id(), paid.timestamp(), paid.body()), paid.signature());
        assertEquals("application/json", paid.contentType());
        JsonObject body = json(paid.body());
        assertEquals("order.paid", body.getString("type"));
        assertTrue(Instant.parse(body.getString("timestamp")).isAfter(Instant.now().minusSeconds(60)));
        JsonObject data = body.getJsonObject("data");
        assertEquals(order.reference(), data.getString("order_id"));
        assertEquals("paid", data.getString("status"));
        assertEquals(Json.createObjectBuilder().add("amount", 1500).add("currency", "USD").build(), data.getJsonObject("total"));
        assertEquals(0, data.getJsonObject("refunded").getInt("amount"));
        assertEquals(shop.product(), data.getJsonArray("items").getJsonObject(0).getJsonNumber("product_id").longValue());
        Instant.parse(data.getString("paid_at"));

        // A product change goes to the same endpoint, under the product's own ordering key.
        catalog.reviseProduct(shop.owner(), shop.product(), new ProductRevision("Field Guide", "Better notes.", 1700, Pricing.FIXED, 5, 24));
        WebhookReceiver.Received updated = Eventually.within(PATIENCE, () -> WebhookReceiver.received(receiver).stream().skip(1).findFirst())
                .orElseThrow(() -> new AssertionError("no product.updated"));
        JsonObject product = json(updated.body());
        assertEquals("product.updated", product.getString("type"));
        assertEquals(1700, product.getJsonObject("data").getJsonObject("price").getInt("amount"));

        WebhookEndpoint endpoint = endpoints.endpointsOf(shop.owner()).get(0);
        // The receiver has the request before the sender has recorded its answer: the log is read once both are done.
        List<WebhookDelivery> log = Eventually.within(PATIENCE, () -> Optional.of(endpoints.deliveries(shop.owner(), endpoint.id(), 0, 10))
                        .filter(all -> all.stream().allMatch(d -> d.state() == WebhookDelivery.State.SUCCEEDED)))
                .orElseThrow(() -> new AssertionError("both deliveries recorded as succeeded"));
        assertEquals(List.of("product:" + shop.product(), "order:" + order.reference()), log.stream().map(WebhookDelivery::orderingKey).toList());
        assertTrue(log.stream().allMatch(d -> d.attempts() == 1 && d.lastStatusCode().equals(Optional.of(200))
                && d.lastLatencyMs().isPresent()));
    }

    @Test
    void aFailedAttemptIsRetriedAndTheOrdersLaterEventWaitsForIt() throws Exception {
        Shop shop = shop();
        String receiver = receiverName();
        WebhookReceiver.answer(receiver, 500, 500);
        endpoints.register(shop.owner(), SERVER + "/it-webhook-receiver/" + receiver, null, ORDER_EVENTS);
        Order order = pay(shop);
        // Refunded in full while order.paid is still being retried: order.refunded must not overtake it.
        refunds.refund(shop.owner(), order.id(), Money.of(1500, Currency.getInstance("USD")));
        assertEquals(OrderStatus.REFUNDED, orders.find(order.id()).orElseThrow().status());

        List<WebhookReceiver.Received> received = Eventually.within(PATIENCE, () -> Optional.of(WebhookReceiver.received(receiver))
                .filter(all -> all.size() >= 4)).orElseThrow(() -> new AssertionError("got " + WebhookReceiver.received(receiver)));
        assertEquals(List.of("order.paid 500", "order.paid 500", "order.paid 200", "order.refunded 200"),
                received.stream().map(r -> json(r.body()).getString("type") + " " + r.answered()).toList());
        assertEquals(2, received.stream().map(WebhookReceiver.Received::id).distinct().count(), "retries keep their webhook-id");
        LOG.info(() -> "Retries after " + Duration.between(received.get(0).at(), received.get(1).at()).toMillis() + " ms and "
                + Duration.between(received.get(1).at(), received.get(2).at()).toMillis() + " ms; order.refunded "
                + Duration.between(received.get(2).at(), received.get(3).at()).toMillis() + " ms after order.paid went through");

        WebhookEndpoint endpoint = endpoints.endpointsOf(shop.owner()).get(0);
        WebhookDelivery paid = endpoints.deliveries(shop.owner(), endpoint.id(), 0, 10).get(1);
        assertEquals(WebhookEventType.ORDER_PAID, paid.event().type());
        assertEquals(3, paid.attempts());
        List<WebhookAttempt> attempts = endpoints.attempts(shop.owner(), paid.id());
        assertEquals(List.of(Optional.of(200), Optional.of(500), Optional.of(500)), attempts.stream().map(WebhookAttempt::statusCode).toList());
        assertEquals(Optional.of("receiver says 500"), attempts.get(2).responseBody());
        assertEquals(Optional.of("HTTP 500"), attempts.get(2).error());
        assertTrue(attempts.stream().allMatch(a -> a.latencyMs() >= 0 && a.latencyMs() < 10_000));
        assertEquals(0, endpoints.endpointsOf(shop.owner()).get(0).consecutiveFailures(), "a success resets the count");
    }

    @Test
    void anEndpointThatAlwaysFailsIsDisabledItsCreatorMailedAndNothingMoreSent() throws Exception {
        Shop shop = shop();
        String receiver = receiverName();
        WebhookReceiver.alwaysAnswer(receiver, 500);
        IssuedSecret issued = endpoints.register(shop.owner(), SERVER + "/it-webhook-receiver/" + receiver, null, ORDER_EVENTS);
        endpoints.sendTest(shop.owner(), issued.endpointId());

        // The test server disables after 4 failed attempts in a row (SKILLFORM_WEBHOOKS_DISABLE_AFTER_FAILURES=4).
        WebhookEndpoint disabled = Eventually.within(PATIENCE, () -> endpoints.endpointsOf(shop.owner()).stream()
                .filter(e -> !e.isEnabled()).findFirst()).orElseThrow(() -> new AssertionError("not disabled"));
        assertTrue(disabled.disabledReason().orElseThrow().contains("4 in a row"), disabled.disabledReason().orElseThrow());
        MimeMessage told = Eventually.within(PATIENCE, () -> mail.received().orElseThrow().stream()
                .filter(m -> recipient(m).equals(shop.email()) && subject(m).equals("Your webhook endpoint was disabled"))
                .findFirst()).orElseThrow(() -> new AssertionError("creator not mailed"));
        assertTrue(text(told).contains(issued.url()), text(told));
        int sent = WebhookReceiver.received(receiver).size();
        assertEquals(4, sent);
        Thread.sleep(3000);
        assertEquals(sent, WebhookReceiver.received(receiver).size(), "nothing more to a disabled endpoint");
        List<WebhookDelivery> log = endpoints.deliveries(shop.owner(), issued.endpointId(), 0, 10);
        assertTrue(log.stream().allMatch(d -> d.state() == WebhookDelivery.State.ABANDONED), log.toString());
        assertEquals(1, mail.received().orElseThrow().stream().filter(m -> recipient(m).equals(shop.email())
                && subject(m).equals("Your webhook endpoint was disabled")).count(), "mailed once");

        // "Send again" needs the endpoint enabled; once it is and the receiver works, the delivery goes through.
        long test = log.get(log.size() - 1).id();
        assertEquals("Enable the endpoint first.", assertThrows(WebhookException.class, () -> endpoints.sendAgain(shop.owner(), test)).getMessage());
        WebhookReceiver.stopFailing(receiver);
        endpoints.enable(shop.owner(), issued.endpointId());
        endpoints.sendAgain(shop.owner(), test);
        WebhookReceiver.Received again = Eventually.within(PATIENCE, () -> WebhookReceiver.received(receiver).stream()
                .filter(r -> r.answered() == 200).findFirst()).orElseThrow(() -> new AssertionError("not sent again"));
        assertEquals("webhook.test", json(again.body()).getString("type"));
    }

    @Test
    void testEventsAreLimitedPerEndpointAndHour() throws Exception {
        Shop shop = shop();
        String receiver = receiverName();
        IssuedSecret issued = endpoints.register(shop.owner(), SERVER + "/it-webhook-receiver/" + receiver, null, List.of("order.paid"));
        for (int i = 0; i < 10; i++) {
            endpoints.sendTest(shop.owner(), issued.endpointId());
        }
        WebhookException refused = assertThrows(WebhookException.class, () -> endpoints.sendTest(shop.owner(), issued.endpointId()));
        assertEquals("This endpoint got 10 test events in the last hour; that is the most an hour.", refused.getMessage());
        Eventually.within(PATIENCE, () -> Optional.of(WebhookReceiver.received(receiver).size()).filter(n -> n >= 10))
                .orElseThrow(() -> new AssertionError("the ten test events arrive"));
        assertEquals(10, WebhookReceiver.received(receiver).size(), "the eleventh was not sent");
    }

    @Test
    void anotherCreatorNeitherSeesNorTouchesTheEndpointAndBadInputChangesNothing() throws Exception {
        Shop shop = shop();
        IssuedSecret issued = endpoints.register(shop.owner(), SERVER + "/it-webhook-receiver/" + receiverName(), null, List.of("order.paid"));
        endpoints.sendTest(shop.owner(), issued.endpointId());
        WebhookDelivery delivery = Eventually.within(PATIENCE, () -> endpoints.deliveries(shop.owner(), issued.endpointId(), 0, 10).stream()
                .filter(d -> d.state() == WebhookDelivery.State.SUCCEEDED).findFirst()).orElseThrow();

        long other = shop().owner();
        assertEquals(List.of(), endpoints.endpointsOf(other));
        for (Runnable attempt : List.<Runnable>of(
                () -> endpoints.deliveries(other, issued.endpointId(), 0, 10),
                () -> endpoints.rotateSecret(other, issued.endpointId()),
                () -> endpoints.disable(other, issued.endpointId()),
                () -> endpoints.delete(other, issued.endpointId()),
                () -> endpoints.sendTest(other, issued.endpointId()),
                () -> endpoints.sendAgain(other, delivery.id()),
                () -> endpoints.attempts(other, delivery.id()))) {
            WebhookException refused = assertThrows(WebhookException.class, attempt::run);
            assertTrue(refused.getMessage().startsWith("No such"), refused.getMessage());
        }
        assertEquals(WebhookEndpoint.Status.ENABLED, endpoints.endpointsOf(shop.owner()).get(0).status());

        assertEquals("Only http:// and https:// URLs can receive webhooks.", refusal(shop.owner(), "ftp://hooks.example.com/", "order.paid"));
        assertEquals("Choose at least one event to send.", refusal(shop.owner(), "https://hooks.example.com/"));
        assertTrue(refusal(shop.owner(), "https://hooks.example.com/", "order.shipped").startsWith("Unknown event type \"order.shipped\""));
        Account buyerOnly = accounts.register(TestAccounts.uniqueEmail(), "Buyer", TestAccounts.PASSWORD, Set.of(Role.CUSTOMER));
        assertEquals("Open a store first.", refusal(buyerOnly.id(), "https://hooks.example.com/", "order.paid"));
        assertEquals(1, endpoints.endpointsOf(shop.owner()).size(), "nothing registered by a refused request");

        // A rotated secret is new; deliveries are signed with both for the grace period.
        IssuedSecret rotated = endpoints.rotateSecret(shop.owner(), issued.endpointId());
        assertTrue(!rotated.secret().equals(issued.secret()) && rotated.secret().startsWith("whsec_"));
        endpoints.delete(shop.owner(), issued.endpointId());
        assertEquals(List.of(), endpoints.endpointsOf(shop.owner()));
    }

    // --- helpers

    private record Shop(long owner, String email, long product) {
    }

    private Shop shop() throws IOException {
        Account owner = TestAccounts.creator(accounts);
        catalog.openStore(new StoreHandle("wh-" + UUID.randomUUID().toString().substring(0, 8)), "Webhook Test Store",
                Currency.getInstance("USD"), owner.id());
        Product product = catalog.createProduct(owner.id(), new Slug("guide"), "Field Guide", "Notes.", 1500);
        media.addFile(owner.id(), product.id(), "guide.txt", new ByteArrayInputStream("The guide.".getBytes(StandardCharsets.US_ASCII)));
        catalog.publish(owner.id(), product.id());
        return new Shop(owner.id(), owner.email().value(), product.id());
    }

    private Order pay(Shop shop) throws Exception {
        String buyer = TestAccounts.uniqueEmail().value();
        Order order = checkout.start(new CheckoutRequest(shop.product(), buyer, null, null, "session:" + buyer));
        gateway.pay(order.pspSessionId().orElseThrow());
        return Eventually.within(PATIENCE, () -> orders.find(order.id()).filter(o -> o.status() == OrderStatus.PAID))
                .orElseThrow(() -> new AssertionError("order " + order.id() + " was not paid"));
    }

    private String refusal(long owner, String url, String... events) {
        return assertThrows(WebhookException.class, () -> endpoints.register(owner, url, null, List.of(events))).getMessage();
    }

    private static String receiverName() {
        return UUID.randomUUID().toString();
    }


    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
