package io.skillform.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The contract check, without a server: it passes what the document describes and fails each kind of mismatch. */
class OpenApiContractTest {

    private static final String PRODUCTS = "/api/v1/stores/demo/products";
    private static final String PAGE = "{\"data\":[{\"id\":7,\"slug\":\"a\",\"title\":\"A\",\"price\":{\"amount\":100,\"currency\":\"EUR\"}}],\"next\":null}";
    private static final String ETAG = "\"0123abcd\"";

    @Test
    void aDocumentedResponsePasses() {
        assertDoesNotThrow(() -> check("GET", PRODUCTS, 200, "application/json;charset=utf-8", ETAG, PAGE));
        assertDoesNotThrow(() -> check("GET", PRODUCTS + "/7", 304, null, ETAG, ""));
        assertDoesNotThrow(() -> check("GET", PRODUCTS + "?limit=0", 400, "application/problem+json", null,
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"limit …\","
                        + "\"errors\":[{\"field\":\"limit\",\"message\":\"…\"}]}"));
        assertDoesNotThrow(() -> check("GET", "/openapi", 200, "application/yaml", null, "openapi: 3.1.0"), "not the API");
        assertDoesNotThrow(() -> check("GET", "/api/v1/me", 200, "application/json", ETAG,
                "{\"id\":1,\"email\":\"it-1@example.test\",\"roles\":[]}"), "a reserved test domain is an address");
    }

    @Test
    void aWrongBodyFails() {
        assertFails("Not as documented", "GET", PRODUCTS, 200, "application/json", ETAG, PAGE.replace("\"slug\":\"a\",", ""));
        assertFails("Not as documented", "GET", PRODUCTS, 200, "application/json", ETAG, PAGE.replace("\"title\"", "\"name\""));
        assertFails("Not as documented", "GET", PRODUCTS, 200, "application/json", ETAG, PAGE.replace("100", "\"1.00\""));
        assertFails("Not as documented", "GET", "/api/v1/me", 200, "application/json", ETAG,
                "{\"id\":1,\"email\":\"not an address\",\"roles\":[]}");
        assertFails("Not as documented", "GET", "/api/v1/checkouts/abc", 200, "application/json", ETAG,
                "{\"order_id\":\"abc\",\"status\":\"sold\"}");
        assertFails("Not as documented", "GET", PRODUCTS, 400, "application/problem+json", null,
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"no errors listed\"}");
    }

    @Test
    void anUndocumentedCallStatusOrMediaTypeFails() {
        assertFails("Undocumented path", "GET", "/api/v1/nothing-here", 200, "application/json", ETAG, "{}");
        assertFails("Undocumented method", "DELETE", "/api/v1/checkouts", 200, "application/json", null, "{}");
        assertFails("Status 409 is not documented", "GET", PRODUCTS, 409, "application/problem+json", null, "{}");
        // A server error is documented as a class (5XX), as a problem: not an exception's text.
        assertFails("Content-Type application/json is not documented", "GET", PRODUCTS, 500, "application/json", null, "{}");
        assertFails("Content-Type", "GET", PRODUCTS, 200, "text/html", ETAG, "<html>");
    }

    @Test
    void aMissingRequiredHeaderFails() {
        assertFails("Header ETag is required", "GET", PRODUCTS, 200, "application/json", null, PAGE);
        assertFails("Header Retry-After is required", "GET", PRODUCTS, 429, "application/problem+json", null,
                "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"…\"}");
    }

    private static void assertFails(String expected, String method, String path, int status, String type, String etag, String body) {
        AssertionError failure = assertThrows(AssertionError.class, () -> check(method, path, status, type, etag, body));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }

    private static void check(String method, String path, int status, String type, String etag, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost" + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        Map<String, List<String>> headers = new HashMap<>();
        Optional.ofNullable(type).ifPresent(value -> headers.put("Content-Type", List.of(value)));
        Optional.ofNullable(etag).ifPresent(value -> headers.put("ETag", List.of(value)));
        OpenApiContract.check(request, new Answer(request, status, HttpHeaders.of(headers, (name, value) -> true), body));
    }

    /** A response as the HTTP client would hand it over. */
    private record Answer(HttpRequest request, int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
