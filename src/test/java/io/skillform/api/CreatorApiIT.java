package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import io.skillform.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A creator runs their store through the API alone, with a personal token: products from draft to archive with a file
 * streamed up, orders, a refund, customers, ledger lines, the download log — and another creator's token sees none of it.
 */
class CreatorApiIT extends ApiTest {

    @Test
    void aCreatorBuildsAProductSellsItAndRefundsThroughTheApi() throws Exception {
        String token = TestCreators.withStore("api-maker");

        // A product with everything at once, then refusals that change nothing.
        HttpResponse<String> created = call(token, "POST", "/api/v1/products", "{\"slug\":\"field-notes\",\"title\":\"Field Notes\","
                + "\"description\":\"Notes *from* the field.\",\"price\":1500,\"pricing\":\"pay_what_you_want\",\"download_limit\":3}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject product = json(created);
        long id = product.getJsonNumber("id").longValue();
        assertEquals("draft", product.getString("status"));
        assertEquals("pay_what_you_want", product.getString("pricing"));
        assertEquals(1500, product.getJsonObject("price").getInt("amount"));
        assertEquals("EUR", product.getJsonObject("price").getString("currency"));
        assertEquals(3, product.getJsonObject("download_policy").getInt("download_limit"));
        assertEquals(24, product.getJsonObject("download_policy").getInt("link_lifetime_hours"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/products/" + id), created.headers().toString());
        long products = TestDatabase.single("SELECT COUNT(*) FROM product");
        assertField("slug", call(token, "POST", "/api/v1/products", "{\"title\":\"No slug\",\"price\":100}"));
        HttpResponse<String> badSlug = call(token, "POST", "/api/v1/products", "{\"slug\":\"Not A Slug\",\"title\":\"T\",\"price\":100}");
        assertField("slug", badSlug);
        assertTrue(json(badSlug).getString("detail").startsWith("slug: A slug is lower-case letters and digits"), badSlug.body());
        assertField("title", call(token, "POST", "/api/v1/products", "{\"slug\":\"long\",\"title\":\"" + "x".repeat(141) + "\",\"price\":100}"));
        assertField("price", call(token, "POST", "/api/v1/products", "{\"slug\":\"neg\",\"title\":\"T\",\"price\":-1}"));
        assertField("price", call(token, "POST", "/api/v1/products", "{\"slug\":\"dec\",\"title\":\"T\",\"price\":12.5}"));
        assertField("pricing", call(token, "POST", "/api/v1/products", "{\"slug\":\"p\",\"title\":\"T\",\"price\":1,\"pricing\":\"auction\"}"));
        assertField("download_limit", call(token, "POST", "/api/v1/products", "{\"slug\":\"d\",\"title\":\"T\",\"price\":1,\"download_limit\":0}"));
        assertField("body", call(token, "POST", "/api/v1/products", "[1,2]"));
        assertProblem(409, call(token, "POST", "/api/v1/products", "{\"slug\":\"field-notes\",\"title\":\"Again\",\"price\":100}"));
        assertEquals(products, TestDatabase.single("SELECT COUNT(*) FROM product"), "no product from a refused request");

        // Publishing needs a file: refused, then a file is streamed up and it works.
        assertProblem(409, call(token, "POST", "/api/v1/products/" + id + "/publish", null));
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        HttpResponse<String> uploaded = send(auth(token, "/api/v1/products/" + id + "/files?name=field%20notes.pdf")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertEquals("field notes.pdf", json(uploaded).getString("name"));
        assertEquals(bytes.length, json(uploaded).getJsonNumber("size").longValue());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), json(uploaded).getString("sha256"));
        assertField("name", send(auth(token, "/api/v1/products/" + id + "/files").POST(HttpRequest.BodyPublishers.ofString("x")).build()));
        // Declared larger than the limit (150 MiB in tests): refused before a byte is stored.
        long blobs = TestDatabase.single("SELECT COUNT(*) FROM product_file");
        assertTrue(declaringOnly(token, "/api/v1/products/" + id + "/files?name=huge.bin", 200L * 1024 * 1024)
                .startsWith("HTTP/1.1 413"), "refused from the declared length");
        assertEquals(blobs, TestDatabase.single("SELECT COUNT(*) FROM product_file"));

        JsonObject published = json(call(token, "POST", "/api/v1/products/" + id + "/publish", null));
        assertEquals("published", published.getString("status"));
        assertFalse(published.isNull("published_at"));
        assertTrue(get("/api/v1/stores/api-maker/products").body().contains("\"slug\":\"field-notes\""), "in the public catalog");

        // Reads carry an ETag; a change with a stale If-Match is refused, with the current one it applies.
        HttpResponse<String> read = call(token, "GET", "/api/v1/products/" + id, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(auth(token, "/api/v1/products/" + id).header("If-None-Match", etag).build()).statusCode());
        HttpResponse<String> stale = send(auth(token, "/api/v1/products/" + id).header("If-Match", "\"0000\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"price\":900}")).build());
        assertProblem(412, stale);
        HttpResponse<String> revised = send(auth(token, "/api/v1/products/" + id).header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"price\":900,\"title\":\"Field Notes, 2nd ed.\"}")).build());
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals(900, json(revised).getJsonObject("price").getInt("amount"));
        assertEquals("Notes *from* the field.", json(revised).getString("description"), "fields not given are kept");
        assertEquals(900, TestDatabase.single("SELECT price_minor FROM product WHERE id = ?", id));
        assertNotEquals(etag, call(token, "GET", "/api/v1/products/" + id, null).headers().firstValue("ETag").orElseThrow());

        // A buyer pays through the API; the creator sees the order, the customer and the money.
        String buyer = TestAccounts.uniqueEmail().value();
        assertField("amount", send(request("/api/v1/checkouts").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":" + id + ",\"email\":\"" + buyer + "\"}")).build()));
        String order = buy(id, buyer, 900L);
        JsonObject orders = json(call(token, "GET", "/api/v1/orders?status=paid", null));
        assertEquals(order, orders.getJsonArray("data").getJsonObject(0).getString("order_id"));
        JsonObject detail = json(call(token, "GET", "/api/v1/orders/" + order, null));
        assertEquals(buyer, detail.getString("email"));
        assertEquals(900, detail.getJsonObject("total").getInt("amount"));
        assertEquals(id, detail.getJsonArray("items").getJsonObject(0).getJsonNumber("product_id").longValue());
        assertEquals("paid", detail.getJsonArray("history").getJsonObject(detail.getJsonArray("history").size() - 1).getString("to"));
        JsonObject customer = json(call(token, "GET", "/api/v1/customers", null)).getJsonArray("data").getJsonObject(0);
        assertEquals(buyer, customer.getString("email"));
        assertEquals(1, customer.getInt("orders"));
        assertEquals(900, customer.getJsonArray("spent").getJsonObject(0).getInt("amount"));
        JsonArray lines = json(call(token, "GET", "/api/v1/ledger/lines", null)).getJsonArray("data");
        assertTrue(lines.stream().map(JsonValue::asJsonObject).anyMatch(line -> line.getString("kind").equals("sale")
                && line.getString("account").equals("pending") && order.equals(line.getString("order_id"))), lines.toString());

        // A partial refund with an Idempotency-Key; its retry refunds nothing more.
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refunded = send(auth(token, "/api/v1/orders/" + order + "/refunds").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":400}")).build());
        assertEquals(201, refunded.statusCode(), refunded.body());
        assertEquals("succeeded", json(refunded).getString("status"));
        HttpResponse<String> retried = send(auth(token, "/api/v1/orders/" + order + "/refunds").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":400}")).build());
        assertEquals(refunded.body(), retried.body());
        assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElse(""));
        long orderId = TestDatabase.single("SELECT id FROM customer_order WHERE reference = ?", order);
        assertEquals(400, TestDatabase.single("SELECT refunded_minor FROM customer_order WHERE id = ?", orderId));
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM refund WHERE order_id = ?", orderId));
        assertProblem(422, send(auth(token, "/api/v1/orders/" + order + "/refunds").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100000}")).build()));
        assertField("Idempotency-Key", send(auth(token, "/api/v1/orders/" + order + "/refunds").POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertEquals("partially_refunded", json(call(token, "GET", "/api/v1/orders/" + order, null)).getString("status"));
        assertEquals(400, json(call(token, "GET", "/api/v1/orders/" + order, null)).getJsonArray("refunds").getJsonObject(0)
                .getJsonObject("amount").getInt("amount"));

        // Nothing downloaded yet (LibraryApiIT downloads and reads the log).
        assertEquals(0, json(call(token, "GET", "/api/v1/orders/" + order + "/downloads", null)).getJsonArray("data").size());

        // Archiving keeps the product (orders refer to it) but takes it out of the store.
        JsonObject archived = json(call(token, "DELETE", "/api/v1/products/" + id, null));
        assertEquals("archived", archived.getString("status"));
        assertFalse(get("/api/v1/stores/api-maker/products").body().contains("field-notes"));
        assertEquals(1, json(call(token, "GET", "/api/v1/products?status=archived", null)).getJsonArray("data").size());
        assertField("status", call(token, "GET", "/api/v1/products?status=gone", null));
    }

    @Test
    void anotherCreatorsTokenFindsNothingOfTheirsAndABuyersTokenIsNotACreators() throws Exception {
        String demo = "Bearer sfk_demo_creator";
        String other = TestCreators.withStore("api-other");
        long demoProduct = TestDatabase.single("SELECT p.id FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = 'demo'"
                + " AND p.slug = 'golden-hour-presets'");
        String demoOrder = buy(demoProduct, TestAccounts.uniqueEmail().value());
        assertEquals(200, send(request("/api/v1/orders/" + demoOrder).header("Authorization", demo).build()).statusCode());
        long refunds = TestDatabase.single("SELECT COUNT(*) FROM refund");
        for (String[] attempt : new String[][] {
                {"GET", "/api/v1/products/" + demoProduct}, {"PATCH", "/api/v1/products/" + demoProduct},
                {"POST", "/api/v1/products/" + demoProduct + "/unpublish"}, {"DELETE", "/api/v1/products/" + demoProduct},
                {"POST", "/api/v1/products/" + demoProduct + "/files?name=x.pdf"}, {"GET", "/api/v1/orders/" + demoOrder},
                {"POST", "/api/v1/orders/" + demoOrder + "/refunds"}, {"GET", "/api/v1/orders/" + demoOrder + "/downloads"}}) {
            HttpRequest.Builder request = auth(other, attempt[1]).header("Idempotency-Key", UUID.randomUUID().toString());
            HttpResponse<String> answer = send(request.method(attempt[0], HttpRequest.BodyPublishers.ofString("{\"title\":\"Mine now\"}")).build());
            assertProblem(404, answer);
        }
        assertEquals(refunds, TestDatabase.single("SELECT COUNT(*) FROM refund"), "no refund of another store's order");
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM product WHERE id = ? AND status = 'PUBLISHED'"
                + " AND title <> 'Mine now'", demoProduct), "the demo product unchanged");
        for (String list : new String[] {"/api/v1/products", "/api/v1/orders", "/api/v1/customers", "/api/v1/ledger/lines"}) {
            JsonObject page = json(call(other, "GET", list, null));
            assertEquals(0, page.getJsonArray("data").size(), list + " of an empty store: " + page);
        }
        // Without a token, with a wrong one, or with the token of an account that has no store.
        assertProblem(401, get("/api/v1/orders"));
        assertProblem(401, call("sfk_wrong", "GET", "/api/v1/products", null));
        TestDatabase.execute("DELETE FROM store WHERE handle = 'api-other'");
        assertProblem(403, call(other, "GET", "/api/v1/products", null));
    }

    @Test
    void aProductChangesStateAndLosesFilesOnlyAsItsRulesAllow() throws Exception {
        String token = TestCreators.withStore("api-rules");
        long id = freeProductIn(token);
        String order = buy(id, TestAccounts.uniqueEmail().value());
        JsonArray files = json(call(token, "GET", "/api/v1/products/" + id, null)).getJsonArray("files");
        long file = files.getJsonObject(0).getJsonNumber("id").longValue();

        // A published product keeps a file (a new buyer always gets something); unpublished, it may lose it.
        assertProblem(409, call(token, "DELETE", "/api/v1/products/" + id + "/files/" + file, null));
        assertEquals("unpublished", json(call(token, "POST", "/api/v1/products/" + id + "/unpublish", null)).getString("status"));
        assertProblem(409, call(token, "POST", "/api/v1/products/" + id + "/unpublish", null));
        assertEquals(204, call(token, "DELETE", "/api/v1/products/" + id + "/files/" + file, null).statusCode());
        assertProblem(404, call(token, "DELETE", "/api/v1/products/" + id + "/files/" + file, null));
        assertEquals(0, json(call(token, "GET", "/api/v1/products/" + id, null)).getJsonArray("files").size());
        assertProblem(409, call(token, "POST", "/api/v1/products/" + id + "/publish", null));
        assertProblem(404, call(token, "POST", "/api/v1/products/999999999/publish", null));
        assertField("price", call(token, "PATCH", "/api/v1/products/" + id, "{\"price\":-5}"));
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM download_grant g JOIN customer_order o ON o.id = g.order_id"
                + " WHERE o.reference = ?", order), "the buyer who paid keeps the file");
        assertField("cursor", call(token, "GET", "/api/v1/customers?cursor=nope", null));
        assertField("limit", call(token, "GET", "/api/v1/orders/" + order + "/downloads?limit=0", null));

        // A description as long as the editor allows, and no longer; nor one whose page would be megabytes of links.
        assertField("description", call(token, "PATCH", "/api/v1/products/" + id, "{\"description\":\"" + "a".repeat(50_001) + "\"}"));
        String bomb = "[b]: https://example.com/" + "x".repeat(2_000) + "\\n\\n" + "[a][b] ".repeat(5_000);
        assertField("description", call(token, "POST", "/api/v1/products", "{\"slug\":\"page-bomb\",\"title\":\"B\",\"price\":1,"
                + "\"description\":\"" + bomb + "\"}"));
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM product WHERE slug = 'page-bomb'"), "nothing created");
        assertEquals("", json(call(token, "GET", "/api/v1/products/" + id, null)).getString("description"), "nothing changed");
        // Leading dots, then a Unicode line separator: the sanitised name is accepted as it is.
        HttpResponse<String> named = call(token, "POST", "/api/v1/products/" + id + "/files?name=.%E2%80%A8.pdf", "%PDF");
        assertEquals(201, named.statusCode(), named.body());
        assertEquals("pdf", json(named).getString("name"));

        // At most 50 files (as if uploaded earlier); an archived product changes no more, and is not archived twice.
        for (int i = 0; i < 50; i++) {
            TestDatabase.execute("INSERT INTO product_file (product_id, storage_key, file_name, content_type, size_bytes, sha256, added_at)"
                    + " VALUES (?, ?, ?, 'text/plain', 4, REPEAT('0', 64), UTC_TIMESTAMP(6))", id, UUID.randomUUID().toString(), "part-" + i + ".txt");
        }
        assertProblem(409, send(auth(token, "/api/v1/products/" + id + "/files?name=one-more.txt").POST(HttpRequest.BodyPublishers.ofString("more")).build()));
        assertEquals("archived", json(call(token, "DELETE", "/api/v1/products/" + id, null)).getString("status"));
        assertProblem(409, call(token, "DELETE", "/api/v1/products/" + id, null));
        assertProblem(409, call(token, "PATCH", "/api/v1/products/" + id, "{\"title\":\"Renamed\"}"));
        assertProblem(409, send(auth(token, "/api/v1/products/" + id + "/files?name=late.txt").POST(HttpRequest.BodyPublishers.ofString("late")).build()));
    }

    @Test
    void aFileNameWithAnEmojiAtTheCutLeavesEveryReadWorking() throws Exception {
        String token = TestCreators.withStore("api-emoji");
        long id = freeProductIn(token);
        // 199 letters and an emoji: the 200-character cut fell inside the emoji's surrogate pair, stored as '?'.
        String name = "a".repeat(199) + "\uD83D\uDE00";
        HttpResponse<String> uploaded = call(token, "POST", "/api/v1/products/" + id + "/files?name="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), "%PDF");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertEquals("a".repeat(199), json(uploaded).getString("name"), "cut before the emoji, not inside it");
        // A name damaged that way before the fix (0018 repairs them; reads must survive one regardless).
        TestDatabase.execute("INSERT INTO product_file (product_id, storage_key, file_name, content_type, size_bytes, sha256, added_at)"
                + " VALUES (?, ?, ?, 'text/plain', 4, REPEAT('0', 64), UTC_TIMESTAMP(6))", id, UUID.randomUUID().toString(), "b".repeat(199) + "?");

        HttpResponse<String> product = call(token, "GET", "/api/v1/products/" + id, null);
        assertEquals(200, product.statusCode(), product.body());
        assertTrue(product.body().contains("b".repeat(199) + "_"), product.body());
        String order = buy(id, TestAccounts.uniqueEmail().value());
        assertEquals(3, TestDatabase.single("SELECT COUNT(*) FROM download_grant g JOIN customer_order o ON o.id = g.order_id"
                + " WHERE o.reference = ?", order), "checkout delivers every file");
        assertEquals(200, call(token, "GET", "/api/v1/orders/" + order, null).statusCode());
    }

    @Test
    void buyersWhoseAddressesDifferByAnAccentAreTwoCustomers() throws Exception {
        String token = TestCreators.withStore("api-accents");
        long free = freeProductIn(token);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        buy(free, "jose-" + unique + "@example.test");
        buy(free, "jos\u00e9-" + unique + "@example.test"); // a free product just sent to the other address: still sent
        JsonArray customers = json(call(token, "GET", "/api/v1/customers", null)).getJsonArray("data");
        assertEquals(Set.of("jose-" + unique + "@example.test", "jos\u00e9-" + unique + "@example.test"),
                customers.stream().map(c -> c.asJsonObject().getString("email")).collect(Collectors.toSet()));
    }

    @Test
    void listsArePagedWithCursorsAndRefuseBadOnes() throws Exception {
        String token = TestCreators.withStore("api-pages");
        for (int i = 0; i < 7; i++) {
            assertEquals(201, call(token, "POST", "/api/v1/products", "{\"slug\":\"p-" + i + "\",\"title\":\"P " + i + "\",\"price\":100}").statusCode());
        }
        Set<Long> ids = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = json(call(token, "GET", "/api/v1/products?limit=3" + (next == null ? "" : "&cursor=" + next), null));
            page.getJsonArray("data").forEach(item -> assertTrue(ids.add(item.asJsonObject().getJsonNumber("id").longValue()), "no repeats"));
            next = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (next != null);
        assertEquals(7, ids.size());
        assertEquals(3, pages);
        assertField("limit", call(token, "GET", "/api/v1/products?limit=101", null));
        assertField("cursor", call(token, "GET", "/api/v1/products?cursor=bm9wZQ", null));
        String productCursor = json(get("/api/v1/stores/demo/products?limit=1")).getString("next");
        assertField("cursor", call(token, "GET", "/api/v1/orders?cursor=" + productCursor, null));
        assertField("from", call(token, "GET", "/api/v1/ledger/lines?from=yesterday", null));
        assertField("to", call(token, "GET", "/api/v1/ledger/lines?to=%2B999999999-12-31", null));
        String farFuture = Base64.getUrlEncoder().withoutPadding().encodeToString("o1:9223372036854775807:1".getBytes(StandardCharsets.US_ASCII));
        assertField("cursor", call(token, "GET", "/api/v1/orders?cursor=" + farFuture, null));
        // Numbers past a long are refused, not wrapped around to another product or amount.
        assertField("product_id", send(request("/api/v1/checkouts").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":18446744073709551618,\"email\":\"a@example.test\"}")).build()));
        assertField("price", call(token, "POST", "/api/v1/products", "{\"slug\":\"dear\",\"title\":\"Dear\",\"price\":100000000000}"));
    }

    private HttpRequest.Builder auth(String token, String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        return send(auth(token, path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The status line of a POST that declares a body of {@code length} bytes and sends none of it. */
    private String declaringOnly(String token, String path, long length) throws Exception {
        return headersOnly(path, "Authorization: Bearer " + token, "Content-Type: application/octet-stream", "Content-Length: " + length)
                .lines().findFirst().orElse("");
    }
}
