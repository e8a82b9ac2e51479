package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.identity.TokenSecrets;
import io.skillform.testing.ApiTest;
import io.skillform.testing.OpenApiContract;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import io.skillform.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A purchase driven only through the API (and the dev gateway's hosted page, where the buyer pays): create the
 * checkout with an Idempotency-Key, replay it, misuse the key, follow the status until paid; refusals are problems.
 */
class CheckoutApiIT extends ApiTest {

    @Test
    void aBuyerPaysForACheckoutMadeThroughTheApiAndARetryGetsTheSameAnswer() throws Exception {
        long product = demoProduct("golden-hour-presets");
        String buyer = TestAccounts.uniqueEmail().value();
        String key = UUID.randomUUID().toString();
        String body = "{\"product_id\":" + product + ",\"email\":\"" + buyer + "\"}";

        HttpResponse<String> created = post(key, body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject checkout = json(created);
        assertEquals("pending", checkout.getString("status"));
        String order = checkout.getString("order_id");
        String paymentUrl = checkout.getString("payment_url");
        assertTrue(paymentUrl.contains("/dev-gateway/sessions/cs_dev_"), paymentUrl);

        HttpResponse<String> replayed = post(key, " { \"email\" : \"" + buyer + "\", \"product_id\" : " + product + " } ");
        assertEquals(201, replayed.statusCode());
        assertEquals(created.body(), replayed.body(), "the same key and request: the same answer");
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer), "one order");

        HttpResponse<String> misused = post(key, "{\"product_id\":" + product + ",\"email\":\"someone-else@example.test\"}");
        assertProblem(422, misused);
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE buyer_email = 'someone-else@example.test'"), "nothing done");

        assertEquals("{\"order_id\":\"" + order + "\",\"status\":\"pending\"}", get("/api/v1/checkouts/" + order).body());
        // The buyer pays on the PSP's page (not the API: sent as it is).
        String session = paymentUrl.substring(paymentUrl.indexOf("/dev-gateway/"));
        HttpResponse<String> paid = http.send(request(session + "/pay").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, paid.statusCode(), paid.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status;
        do {
            Thread.sleep(200);
            status = json(get("/api/v1/checkouts/" + order)).getString("status");
        } while (!status.equals("paid") && System.nanoTime() < deadline);
        assertEquals("paid", status);
    }

    @Test
    void simultaneousRetriesWithOneKeyMakeOneOrder() throws Exception {
        String buyer = TestAccounts.uniqueEmail().value();
        String key = UUID.randomUUID().toString();
        String body = "{\"product_id\":" + demoProduct("watercolor-basics") + ",\"email\":\"" + buyer + "\"}";
        HttpRequest checkout = request("/api/v1/checkouts").header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(http.sendAsync(checkout, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            // Sent at once (not through send()), but each answer, the winner's or a loser's, is still as documented.
            OpenApiContract.check(checkout, answer.get());
            statuses.add(answer.get().statusCode());
        }
        assertTrue(statuses.contains(201) && statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer), "one order");
    }

    @Test
    void aKeyWhoseRequestNeverAnsweredIsTakenOverByARetryOnceThatRequestCannotBeRunning() throws Exception {
        long product = demoProduct("golden-hour-presets");
        String crashed = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        String crashedBuyer = TestAccounts.uniqueEmail().value();
        String runningBuyer = TestAccounts.uniqueEmail().value();
        String crashedBody = "{\"product_id\":" + product + ",\"email\":\"" + crashedBuyer + "\"}";
        String runningBody = "{\"product_id\":" + product + ",\"email\":\"" + runningBuyer + "\"}";
        HttpResponse<String> placed = post(crashed, crashedBody);
        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals(201, post(running, runningBody).statusCode());
        // As a node leaves them when it stops mid-request: the order placed, the key claimed, no answer stored. One
        // claim's heartbeat stopped 15 seconds ago (its request died with its node: a retry gets through within
        // seconds, not minutes), the other's beat a moment ago (its request may still be running).
        unanswered(crashed, "UTC_TIMESTAMP(6) - INTERVAL 15 SECOND");
        unanswered(running, "UTC_TIMESTAMP(6) - INTERVAL 1 SECOND");

        HttpResponse<String> retried = post(crashed, crashedBody);

        assertEquals(201, retried.statusCode(), "the abandoned claim was taken over: " + retried.body());
        assertTrue(retried.headers().firstValue("Idempotent-Replayed").isEmpty(), "answered anew, not replayed");
        assertEquals(json(placed).getString("order_id"), json(retried).getString("order_id"), "the order the first request placed");
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", crashedBuyer), "one order");
        HttpResponse<String> replayed = post(crashed, crashedBody);
        assertEquals(retried.body(), replayed.body());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""), "the key has its answer again");

        assertProblem(409, post(running, runningBody));
    }

    @Test
    void storefrontsOfTwoStoresMayUseTheSameKey() throws Exception {
        String key = "order-0001";
        String buyer = TestAccounts.uniqueEmail().value();
        HttpResponse<String> demo = post(key, "{\"product_id\":" + demoProduct("golden-hour-presets") + ",\"email\":\"" + buyer + "\"}");
        HttpResponse<String> other = post(key, "{\"product_id\":" + freeProductIn(TestCreators.withStore("keys-other"))
                + ",\"email\":\"" + buyer + "\"}");
        assertEquals(201, demo.statusCode(), demo.body());
        assertEquals(201, other.statusCode(), "another store's key space: " + other.body());
        assertEquals(2, TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ?", buyer), "two orders");
    }

    @Test
    void aFreeProductIsPaidAtOnceAndMistakesAreProblemsThatChangeNothing() throws Exception {
        String freeOrder = "{\"product_id\":" + demoProduct("free-sampler") + ",\"email\":\"" + TestAccounts.uniqueEmail().value() + "\"}";
        HttpResponse<String> free = post(UUID.randomUUID().toString(), freeOrder);
        assertEquals(201, free.statusCode(), free.body());
        assertEquals("paid", json(free).getString("status"));
        assertTrue(json(free).isNull("payment_url"));
        // Another request (another key) for the same address: not a second receipt to that inbox.
        HttpResponse<String> again = post(UUID.randomUUID().toString(), freeOrder);
        assertProblem(422, again);
        assertTrue(json(again).getString("detail").startsWith("This free product was sent to that address a few minutes ago."), again.body());

        long product = demoProduct("golden-hour-presets");
        long before = TestDatabase.single("SELECT COUNT(*) FROM customer_order");
        assertField("Idempotency-Key", post(null, "{\"product_id\":" + product + ",\"email\":\"a@example.test\"}"));
        assertField("body", post(UUID.randomUUID().toString(), "not json"));
        assertField("product_id", post(UUID.randomUUID().toString(), "{\"email\":\"a@example.test\"}"));
        assertField("product_id", post(UUID.randomUUID().toString(), "{\"product_id\":\"1\",\"email\":\"a@example.test\"}"));
        assertField("product_id", post(UUID.randomUUID().toString(), "{\"product_id\":999999999,\"email\":\"a@example.test\"}"));
        assertField("email", post(UUID.randomUUID().toString(), "{\"product_id\":" + product + "}"));
        assertField("amount", post(UUID.randomUUID().toString(), "{\"product_id\":" + product + ",\"email\":\"a@example.test\",\"amount\":12.5}"));
        assertField("email", post(UUID.randomUUID().toString(), "{\"product_id\":" + product + ",\"email\":\"not an address\"}"));
        assertEquals(before, TestDatabase.single("SELECT COUNT(*) FROM customer_order"), "no order from a refused request");
        assertProblem(404, get("/api/v1/checkouts/no-such-order"));
    }

    @Test
    void aBodyLargerThanAnyCheckoutIsRefusedWhateverItsTypeBeforeItIsRead() throws Exception {
        long before = TestDatabase.single("SELECT COUNT(*) FROM customer_order");
        // 3 MiB: past what any request but a file upload may send. A multipart type once gave a checkout the upload
        // limit (GiBs), and the whole body was read into memory; refused from its declared length, none of it is sent.
        for (String type : List.of("multipart/mixed; boundary=x", "multipart/form-data; boundary=x", "application/json")) {
            String refused = headersOnly("/api/v1/checkouts", "Content-Type: " + type, "Idempotency-Key: " + UUID.randomUUID(),
                    "Content-Length: " + 3 * 1024 * 1024);
            assertTrue(refused.startsWith("HTTP/1.1 413 "), refused);
            assertTrue(refused.contains("application/problem+json") && refused.endsWith("\"status\":413,\"detail\":\"This request is too large.\"}"), refused);
        }
        // Its length not declared (chunked), a body is refused whatever its type: only the API's file upload streams.
        String undeclared = headersOnly("/api/v1/checkouts", "Content-Type: multipart/mixed; boundary=x",
                "Idempotency-Key: " + UUID.randomUUID(), "Transfer-Encoding: chunked");
        assertTrue(undeclared.startsWith("HTTP/1.1 411 "), undeclared);
        assertEquals(before, TestDatabase.single("SELECT COUNT(*) FROM customer_order"), "no order");
    }

    @Test
    void aBodyThatCannotBeReadIsABadRequestNotAServerError() throws Exception {
        long before = TestDatabase.single("SELECT COUNT(*) FROM customer_order");
        String checkout = "{\"product_id\":" + demoProduct("golden-hour-presets") + ",\"email\":\"a@example.test\"}";
        assertField("body", post(UUID.randomUUID().toString(), "{\"a\":" + "[".repeat(200_000)));
        for (String type : List.of("application/json; charset=bogus-9", "application/json; charset=\"no charset\"")) {
            assertField("body", send(request("/api/v1/checkouts").header("Content-Type", type)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(checkout)).build()));
        }
        assertEquals(before, TestDatabase.single("SELECT COUNT(*) FROM customer_order"), "no order from a refused request");
    }

    private static long demoProduct(String slug) throws Exception {
        return TestDatabase.single("SELECT p.id FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = 'demo' AND p.slug = ?", slug);
    }

    /** The demo store's checkout key as if its request, last alive at {@code lastBeat}, had never answered. */
    private static void unanswered(String key, String lastBeat) throws Exception {
        String row = TokenSecrets.sha256Hex("checkout:store:" + TestDatabase.single("SELECT id FROM store WHERE handle = 'demo'") + "\n" + key);
        assertEquals(1, TestDatabase.execute("UPDATE api_idempotency SET response_status = NULL, response_body = NULL, completed_at = NULL,"
                + " heartbeat_at = " + lastBeat + " WHERE idempotency_key = ?", row));
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        HttpRequest.Builder request = request("/api/v1/checkouts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }
}
