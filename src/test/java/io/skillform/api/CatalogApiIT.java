package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import io.skillform.testing.TestCreators;
import io.skillform.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The public catalog of the API, over HTTP: a store of 250 published products (and a draft) is walked page by page
 * without gaps or repeats; every refusal is problem+json naming the field; reads carry ETags.
 */
class CatalogApiIT extends ApiTest {

    @Test
    void twoHundredFiftyProductsArePagedWithoutGapsOrRepeats() throws Exception {
        String handle = "api" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.execute("INSERT INTO store (handle, display_name, default_currency, created_at) VALUES (?, 'API Store', 'EUR', UTC_TIMESTAMP(6))", handle);
        long store = TestDatabase.single("SELECT id FROM store WHERE handle = ?", handle);
        for (int i = 0; i < 250; i++) {
            // Ten products share each publication time: the cursor must order ties by id.
            TestDatabase.execute("INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, status,"
                    + " created_at, published_at) VALUES (?, ?, ?, '', ?, 'EUR', 'PUBLISHED', UTC_TIMESTAMP(6),"
                    + " UTC_TIMESTAMP(6) - INTERVAL ? MINUTE)", store, "item-" + i, "Item " + i, 100 + i, i / 10);
        }
        TestDatabase.execute("INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, status, created_at)"
                + " VALUES (?, 'draft', 'Draft', '', 100, 'EUR', 'DRAFT', UTC_TIMESTAMP(6))", store);

        List<Long> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = json(get("/api/v1/stores/" + handle + "/products?limit=100" + (next == null ? "" : "&cursor=" + next)));
            page.getJsonArray("data").forEach(v -> seen.add(v.asJsonObject().getJsonNumber("id").longValue()));
            next = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (next != null);
        assertEquals(3, pages);
        assertEquals(250, seen.size());
        assertEquals(250, new HashSet<>(seen).size(), "no repeats");
        List<Long> expected = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement rows = db.prepareStatement("SELECT id FROM product WHERE store_id = ? AND status = 'PUBLISHED'"
                     + " ORDER BY published_at DESC, id DESC")) {
            rows.setLong(1, store);
            ResultSet result = rows.executeQuery();
            while (result.next()) {
                expected.add(result.getLong(1));
            }
        }
        assertEquals(expected, seen, "newest first, nothing skipped");

        // Newest first; of the ten published together, the last inserted (item 9, 1.09 EUR).
        JsonObject first = json(get("/api/v1/stores/" + handle + "/products?limit=1")).getJsonArray("data").getJsonObject(0);
        assertEquals("item-9", first.getString("slug"));
        assertEquals(Json.createReader(new StringReader("{\"amount\":109,\"currency\":\"EUR\"}")).readObject(), first.getJsonObject("price"));
        assertEquals(20, json(get("/api/v1/stores/" + handle + "/products")).getJsonArray("data").size(), "20 by default");
    }

    @Test
    void refusalsAreProblemsNamingTheField() throws Exception {
        for (String limit : new String[] {"0", "101", "ten", "-1"}) {
            HttpResponse<String> refused = get("/api/v1/stores/demo/products?limit=" + limit);
            assertProblem(400, refused);
            assertEquals("limit", json(refused).getJsonArray("errors").getJsonObject(0).getString("field"), limit);
        }
        HttpResponse<String> badCursor = get("/api/v1/stores/demo/products?cursor=bm90LWEtY3Vyc29y");
        assertProblem(400, badCursor);
        assertEquals("cursor", json(badCursor).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(404, get("/api/v1/stores/no-such-store-here/products"));
        assertProblem(404, get("/api/v1/stores/demo/products/999999999"));
        assertProblem(404, get("/api/v1/stores/demo/products/not-an-id"));
    }

    @Test
    void aProductShowsItsFilesButNotTheirContentAndIsCachedByETag() throws Exception {
        long id = TestDatabase.single("SELECT p.id FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = 'demo'"
                + " AND p.slug = 'golden-hour-presets'");
        HttpResponse<String> read = get("/api/v1/stores/demo/products/" + id);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject product = json(read);
        assertEquals("Golden Hour Lightroom Presets", product.getString("title"));
        assertEquals("fixed", product.getString("pricing"));
        JsonObject file = product.getJsonArray("files").getJsonObject(0);
        assertEquals("golden-hour-presets.pdf", file.getString("name"));
        assertTrue(file.getJsonNumber("size").longValue() > 0);
        assertEquals(List.of("name", "size"), List.copyOf(file.keySet()), "names and sizes only");
        assertEquals(JsonValue.ValueType.NULL, product.get("cover_url").getValueType());
        assertProblem(404, get("/api/v1/stores/demo/products/" + TestDatabase.single(
                "SELECT p.id FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = 'demo' AND p.status = 'DRAFT' LIMIT 1")));

        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(request("/api/v1/stores/demo/products/" + id).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> weakened = send(request("/api/v1/stores/demo/products/" + id).header("If-None-Match", "\"other\", W/" + etag).build());
        assertEquals(304, weakened.statusCode(), "compared weakly, as a compressing proxy passes the tag on");
        HttpResponse<String> ifMatch = send(request("/api/v1/stores/demo/products/" + id).header("If-Match", "\"bogus\"").build());
        assertEquals(200, ifMatch.statusCode(), "only If-None-Match makes a read 304");
        assertEquals(read.body(), ifMatch.body());
    }

    @Test
    void aTokenPastItsRateLimitIsToldWhenToRetry() throws Exception {
        // The test server allows 40 requests a minute per token; a made-up token is counted like a real one (before it
        // is checked), so the limit also slows down guessing.
        String token = "Bearer sfk_rate_" + UUID.randomUUID();
        while (Instant.now().getEpochSecond() % 60 > 45) {
            Thread.sleep(500); // all 41 requests in one counting minute (the server shares this machine's clock)
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(401, send(request("/api/v1/me").header("Authorization", token).build()).statusCode(), "request " + (i + 1));
        }
        HttpResponse<String> limited = send(request("/api/v1/me").header("Authorization", token).build());
        assertProblem(429, limited);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, String.valueOf(retryAfter));
        assertEquals(200, get("/api/v1/stores/demo/products?limit=1").statusCode(), "other clients are not affected");
    }

    @Test
    void madeUpTokensFromOneAddressAreHeldToTheAddressLimitWhileAnAcceptedTokenKeepsItsOwn() throws Exception {
        // From an address of its own (another loopback address), so the suite's other requests neither count here nor
        // are held back by this test. The test server allows 300 requests a minute per address, 40 per token.
        InetAddress client = InetAddress.getByAddress(new byte[] {127, 0, 0, 33});
        String products = "/api/v1/stores/demo/products?limit=1";
        String creator = "Bearer " + TestCreators.withStore("rate-" + UUID.randomUUID().toString().substring(0, 8));
        while (Instant.now().getEpochSecond() % 60 > 30) {
            Thread.sleep(500); // all requests in one counting minute (the server shares this machine's clock)
        }
        assertEquals(200, statusFrom(client, "/api/v1/me", creator), "the creator's token, accepted");
        for (int i = 1; i < 300; i++) {
            assertEquals(200, statusFrom(client, products, "Bearer sfk_made_up_" + UUID.randomUUID()), "request " + (i + 1));
        }
        assertEquals(429, statusFrom(client, products, "Bearer sfk_made_up_" + UUID.randomUUID()), "a new made-up token buys nothing");
        assertEquals(429, statusFrom(client, products, null), "nor does sending none");
        assertEquals(200, statusFrom(client, products, creator), "an accepted token counts for itself");
        assertEquals(200, statusFrom(client, "/api/v1/me", creator));
    }

    /** The status of a GET sent from this (local) client address. */
    private int statusFrom(InetAddress client, String path, String authorization) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), client, 0)) {
            socket.setSoTimeout(10_000);
            URI target = request(path).build().uri();
            socket.getOutputStream().write(("GET " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
