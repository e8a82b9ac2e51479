package io.skillform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.identity.TokenSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the REST API over HTTP, as a client of the deployed application. Every request sent through {@link #send}
 * (and so {@link #get}) has its response checked against the OpenAPI document ({@link OpenApiContract}).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public abstract class ApiTest {

    protected final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.app();
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path));
    }

    /** Sends the request; fails the test if the response is not one the OpenAPI document describes for it. */
    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        OpenApiContract.check(request, response);
        return response;
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return send(request(path).build());
    }

    /**
     * The whole answer (status line, headers, body) to a POST of these headers alone. The body they declare is never
     * sent: a refusal from the declared length must not wait for it (and a client library insists on sending it).
     */
    protected String headersOnly(String path, String... headers) throws IOException {
        URI target = request(path).build().uri();
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** An RFC 9457 problem with the status. */
    protected static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":" + status), response.body());
    }

    /** A 400 problem whose first field error names the field. */
    protected static void assertField(String field, HttpResponse<String> response) {
        assertProblem(400, response);
        assertEquals(field, json(response).getJsonArray("errors").getJsonObject(0).getString("field"), response.body());
    }

    /**
     * A purchase made only through the API: a checkout, then the buyer pays on the dev gateway's hosted page; returns
     * the order id once the webhook has marked it paid.
     */
    protected String buy(long productId, String email) throws Exception {
        return buy(productId, email, null);
    }

    /** @param amount minor units, for a pay-what-you-want product */
    protected String buy(long productId, String email, Long amount) throws Exception {
        HttpResponse<String> created = send(request("/api/v1/checkouts").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":" + productId + ",\"email\":\"" + email + "\""
                        + (amount == null ? "" : ",\"amount\":" + amount) + "}")).build());
        assertEquals(201, created.statusCode(), created.body());
        String order = json(created).getString("order_id");
        if (!json(created).isNull("payment_url")) {
            String paymentUrl = json(created).getString("payment_url");
            HttpResponse<String> paid = http.send(request(paymentUrl.substring(paymentUrl.indexOf("/dev-gateway/")) + "/pay")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, paid.statusCode(), paid.body());
        }
        Optional<String> status = Eventually.within(Duration.ofSeconds(30), () -> {
            try {
                return Optional.of(json(get("/api/v1/checkouts/" + order)).getString("status")).filter("paid"::equals);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(Optional.of("paid"), status, "order " + order + " paid");
        return order;
    }

    /** A library token for the buyer's address, as {@code POST /api/v1/library/sessions} would give one. */
    protected static String libraryToken(String email) throws Exception {
        String secret = TokenSecrets.newLinkToken();
        TestDatabase.execute("INSERT INTO library_session (token_hash, email, created_at, expires_at)"
                + " VALUES (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR)", TokenSecrets.sha256Hex(secret), email);
        return "sfl_" + secret;
    }

    /** A published free product with one file, made through the creator API with this creator's token. */
    protected long freeProductIn(String creatorToken) throws Exception {
        HttpResponse<String> created = send(request("/api/v1/products").header("Authorization", "Bearer " + creatorToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"freebie\",\"title\":\"Freebie\",\"price\":0}")).build());
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).getJsonNumber("id").longValue();
        assertEquals(201, send(request("/api/v1/products/" + id + "/files?name=free.txt").header("Authorization", "Bearer " + creatorToken)
                .POST(HttpRequest.BodyPublishers.ofString("free")).build()).statusCode());
        assertEquals(200, send(request("/api/v1/products/" + id + "/publish").header("Authorization", "Bearer " + creatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        return id;
    }

    /** Ids of a course made through the creator API. */
    public record CourseIds(long product, long module, long lesson) {
    }

    /** A published free course of one module with one text lesson, made through the creator API. */
    protected CourseIds freeCourseIn(String creatorToken) throws Exception {
        long product = created(creatorToken, "/api/v1/products", "{\"slug\":\"free-course\",\"title\":\"Free course\",\"type\":\"course\",\"price\":0}");
        long module = created(creatorToken, "/api/v1/products/" + product + "/modules", "{\"title\":\"Start here\"}");
        String lessons = "/api/v1/products/" + product + "/modules/" + module + "/lessons";
        long lesson = created(creatorToken, lessons, "{\"title\":\"Welcome\"}");
        created(creatorToken, lessons + "/" + lesson + "/blocks", "{\"type\":\"text\",\"content\":{\"markdown\":\"Hello, learner.\"}}");
        assertEquals(201, send(request("/api/v1/products/" + product + "/course/publish").header("Authorization", "Bearer " + creatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        assertEquals(200, send(request("/api/v1/products/" + product + "/publish").header("Authorization", "Bearer " + creatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        return new CourseIds(product, module, lesson);
    }

    /** POSTs the JSON as the creator; returns the id of what it made. */
    private long created(String creatorToken, String path, String body) throws Exception {
        HttpResponse<String> created = send(request(path).header("Authorization", "Bearer " + creatorToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, created.statusCode(), path + ": " + created.body());
        return json(created).getJsonNumber("id").longValue();
    }
}
