package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import io.skillform.testing.DevMail;
import io.skillform.testing.HttpLogIn;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import io.skillform.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A buyer's library through a creator's own storefront: the address is proven by a mailed link that opens the
 * creator's page, its token becomes a library token, which lists that store's purchases and issues download links;
 * the creator then sees the download in the log. However many links are asked for, a purchase downloads as often as
 * its policy says. A browser's session writes only as JSON, and its cookie is SameSite=Lax. CORS answers the origins a
 * store allows, and only those.
 */
class LibraryApiIT extends ApiTest {

    private static final String SHOP = "https://shop.example.com";
    private static final String DEMO_BUYER = "buyer@demo.skillform.test";
    private static final String DEMO_BUYER_PASSWORD = "demo-buyer-2026";

    @Test
    void aBuyerOpensTheirLibraryOnTheCreatorsSiteAndDownloads() throws Exception {
        TestDatabase.execute("UPDATE store SET api_allowed_origins = ? WHERE handle = 'demo'", SHOP + " http://localhost:5173");
        String buyer = TestAccounts.uniqueEmail().value();
        String demoOrder = buy(demoProduct(), buyer);
        String otherOrder = buy(freeProductIn(TestCreators.withStore("lib-other")), buyer);

        // Asked from the creator's page: the same answer for a buyer and for a stranger, mail only to the buyer.
        String stranger = TestAccounts.uniqueEmail().value();
        for (String email : new String[] {buyer, stranger}) {
            HttpResponse<String> asked = send(request("/api/v1/library/links").header("Origin", SHOP).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"store\":\"demo\",\"return_url\":\"" + SHOP
                            + "/my-library?lang=en\"}")).build());
            assertEquals(202, asked.statusCode(), asked.body());
            assertEquals("{\"sent\":true}", asked.body());
            assertEquals(SHOP, asked.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "CORS for an allowed origin");
        }
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM library_link WHERE email = ?", stranger));
        assertField("return_url", postJson("/api/v1/library/links", "{\"email\":\"" + buyer + "\",\"store\":\"demo\",\"return_url\":\"https://evil.example/x\"}"));
        assertField("return_url", postJson("/api/v1/library/links", "{\"email\":\"" + buyer + "\",\"store\":\"demo\"}"));
        assertField("email", postJson("/api/v1/library/links", "{\"email\":\"nobody\"}"));

        JsonObject mail = DevMail.newest(base.toString().replaceAll("/$", ""), buyer, "Your library link").orElseThrow(() -> new AssertionError("library link"));
        Matcher link = Pattern.compile(Pattern.quote(SHOP + "/my-library?lang=en&token=") + "([A-Za-z0-9_-]+)").matcher(mail.getString("text"));
        assertTrue(link.find(), "the link opens the creator's page: " + mail.getString("text"));
        HttpResponse<String> session = postJson("/api/v1/library/sessions", "{\"token\":\"" + link.group(1) + "\"}");
        assertEquals(201, session.statusCode(), session.body());
        String library = json(session).getString("access_token");
        assertTrue(library.startsWith("sfl_"), library);
        assertProblem(410, postJson("/api/v1/library/sessions", "{\"token\":\"" + link.group(1) + "\"}"));
        assertProblem(401, postJson("/api/v1/library/sessions", "{\"token\":\"" + "A".repeat(43) + "\"}"));
        assertField("token", postJson("/api/v1/library/sessions", "{}"));

        // The store's purchases only: the other store's order is not in this library.
        HttpResponse<String> read = send(asBuyer(library, "/api/v1/library").build());
        JsonArray entries = json(read).getJsonArray("data");
        assertEquals(304, send(asBuyer(library, "/api/v1/library").header("If-None-Match", read.headers().firstValue("ETag").orElseThrow())
                .build()).statusCode());
        assertField("cursor", send(asBuyer(library, "/api/v1/library?cursor=not-a-cursor").build()));
        assertEquals(1, entries.size(), entries.toString());
        JsonObject purchase = entries.getJsonObject(0);
        assertEquals(demoOrder, purchase.getString("order_id"));
        assertFalse(entries.toString().contains(otherOrder));
        JsonObject file = purchase.getJsonArray("files").getJsonObject(0);
        long grant = file.getJsonNumber("id").longValue();
        long otherGrant = TestDatabase.single("SELECT g.id FROM download_grant g JOIN customer_order o ON o.id = g.order_id WHERE o.reference = ?", otherOrder);
        assertProblem(404, send(asBuyer(library, "/api/v1/library/files/" + otherGrant + "/links").POST(HttpRequest.BodyPublishers.noBody()).build()));

        HttpResponse<String> issued = send(asBuyer(library, "/api/v1/library/files/" + grant + "/links").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(201, issued.statusCode(), issued.body());
        URI download = URI.create(json(issued).getString("url"));
        HttpResponse<byte[]> bytes = http.send(request(download.getRawPath()).header("User-Agent", "LibraryApiIT").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bytes.statusCode());
        assertEquals(file.getJsonNumber("size").longValue(), bytes.body().length);
        assertArrayEquals(new byte[] {'%', 'P', 'D', 'F'}, Arrays.copyOf(bytes.body(), 4), "the demo product's PDF");
        JsonObject state = json(send(asBuyer(library, "/api/v1/library").build())).getJsonArray("data").getJsonObject(0)
                .getJsonArray("files").getJsonObject(0);
        assertEquals(json(issued).getInt("downloads_left") - 1, state.getInt("downloads_left"), "the download counted");

        // The creator sees it in the order's download log.
        JsonArray log = json(send(request("/api/v1/orders/" + demoOrder + "/downloads").header("Authorization", "Bearer sfk_demo_creator").build()))
                .getJsonArray("data");
        assertEquals(1, log.size(), log.toString());
        assertEquals("LibraryApiIT", log.getJsonObject(0).getString("user_agent"));
        assertEquals(file.getString("name"), log.getJsonObject(0).getString("file"));

        // A full refund revokes the file: 410, not 404.
        HttpResponse<String> refund = send(request("/api/v1/orders/" + demoOrder + "/refunds").header("Authorization", "Bearer sfk_demo_creator")
                .header("Idempotency-Key", "library-" + demoOrder).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(201, refund.statusCode(), refund.body());
        assertProblem(410, send(asBuyer(library, "/api/v1/library/files/" + grant + "/links").POST(HttpRequest.BodyPublishers.noBody()).build()));

        assertProblem(401, get("/api/v1/library"));
        assertProblem(401, send(asBuyer("sfl_not-a-token", "/api/v1/library").build()));
        assertProblem(401, send(asBuyer("sfk_demo_creator", "/api/v1/library").build()));
    }

    @Test
    void aPurchaseDownloadsAsOftenAsItsPolicySaysHoweverManyLinksAreAsked() throws Exception {
        String buyer = TestAccounts.uniqueEmail().value();
        String order = buy(freeProductIn(TestCreators.withStore("lib-budget")), buyer);
        long grant = TestDatabase.single("SELECT g.id FROM download_grant g JOIN customer_order o ON o.id = g.order_id WHERE o.reference = ?", order);
        String library = libraryToken(buyer);

        // 25 links asked for: each is a link to the same 5 downloads (the default policy), not 5 more.
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> issued = send(asBuyer(library, "/api/v1/library/files/" + grant + "/links").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(201, issued.statusCode(), issued.body());
            assertEquals(5, json(issued).getInt("downloads_left"), "what is left of the purchase, whichever link");
            links.add(URI.create(json(issued).getString("url")).getRawPath());
        }
        // Every link clicked at once: the purchase's 5 downloads are taken once, whichever links win.
        ExecutorService clicks = Executors.newFixedThreadPool(links.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String link : links) {
                answers.add(clicks.submit(() -> http.send(request(link).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            clicks.shutdownNow();
        }
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        assertEquals(5, TestDatabase.single("SELECT COUNT(*) FROM download_event WHERE grant_id = ? AND counted", grant));
        assertEquals(5, TestDatabase.single("SELECT downloads_used FROM download_grant WHERE id = ?", grant));

        // The library says so, and a 26th link is refused rather than handed out to fail.
        JsonObject file = json(send(asBuyer(library, "/api/v1/library").build())).getJsonArray("data").getJsonObject(0)
                .getJsonArray("files").getJsonObject(0);
        assertEquals(0, file.getInt("downloads_left"));
        HttpResponse<String> more = send(asBuyer(library, "/api/v1/library/files/" + grant + "/links").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(410, more);
        assertTrue(json(more).getString("detail").contains("The seller can allow you more downloads."), more.body());
    }

    @Test
    void theSessionCookieIsSentHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        String anonymous = login.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("a session for the form"));
        String signedIn = HttpLogIn.as(base.toString().replaceAll("/$", ""), DEMO_BUYER, DEMO_BUYER_PASSWORD).setCookie();
        for (String cookie : List.of(anonymous, signedIn)) {
            assertTrue(cookie.startsWith("JSESSIONID="), cookie);
            assertTrue(cookie.contains("; HttpOnly"), cookie);
            assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        }
    }

    @Test
    void aSignedInBrowserWritesToTheLibraryOnlyAsJson() throws Exception {
        String order = buy(freeProductIn(TestCreators.withStore("lib-session")), DEMO_BUYER);
        String session = HttpLogIn.as(base.toString().replaceAll("/$", ""), DEMO_BUYER, DEMO_BUYER_PASSWORD).cookie();
        // The session reads the library (the purchase joins the account, whose address is verified).
        assertEquals(200, send(request("/api/v1/library").header("Cookie", session).build()).statusCode());
        long grant = TestDatabase.single("SELECT g.id FROM download_grant g JOIN customer_order o ON o.id = g.order_id WHERE o.reference = ?", order);
        String links = "/api/v1/library/files/" + grant + "/links";
        long receiptLinks = TestDatabase.single("SELECT COUNT(*) FROM download_link WHERE grant_id = ?", grant);

        // What a form on another site can post with the browser's cookie: refused, and no link made.
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = send(request(links).header("Cookie", session).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertProblem(415, refused);
        }
        assertProblem(415, send(request(links).header("Cookie", session).POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertEquals(receiptLinks, TestDatabase.single("SELECT COUNT(*) FROM download_link WHERE grant_id = ?", grant), "no link made");

        // JSON, which another site's page cannot send with the cookie without a preflight no origin passes.
        HttpResponse<String> issued = send(request(links).header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals(receiptLinks + 1, TestDatabase.single("SELECT COUNT(*) FROM download_link WHERE grant_id = ?", grant));
    }

    @Test
    void browsersGetCorsOnlyForOriginsAStoreAllows() throws Exception {
        TestDatabase.execute("UPDATE store SET api_allowed_origins = ? WHERE handle = 'demo'", SHOP);
        HttpResponse<String> preflight = preflight("/api/v1/checkouts", SHOP);
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(SHOP, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Idempotency-Key"));
        assertEquals(403, preflight("/api/v1/checkouts", "https://evil.example").statusCode());
        assertEquals(403, preflight("/api/v1/stores/demo/products", "null").statusCode());

        HttpResponse<String> catalog = send(request("/api/v1/stores/demo/products").header("Origin", SHOP).build());
        assertEquals(SHOP, catalog.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(catalog.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"));
        assertEquals(Optional.empty(), send(request("/api/v1/stores/demo/products").header("Origin", "https://evil.example").build())
                .headers().firstValue("Access-Control-Allow-Origin"));
        // Creator endpoints never answer a browser origin, even an allowed one.
        HttpResponse<String> orders = send(request("/api/v1/orders").header("Origin", SHOP).header("Authorization", "Bearer sfk_demo_creator").build());
        assertEquals(200, orders.statusCode());
        assertEquals(Optional.empty(), orders.headers().firstValue("Access-Control-Allow-Origin"));
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        // Not an API call the document describes: the browser's own question.
        return http.send(request(path).header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder asBuyer(String token, String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static long demoProduct() throws Exception {
        return TestDatabase.single("SELECT p.id FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = 'demo' AND p.slug = 'golden-hour-presets'");
    }
}
