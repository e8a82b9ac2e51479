package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillform.testing.ApiTest;
import io.skillform.testing.OpenApiContract;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The errors every client meets, asked of every operation that documents them. The operations come from the OpenAPI
 * document itself, so one added later is held to the same answers without a line here: an unknown token is 401, a
 * token whose account has no store is 403 on creator endpoints, a read asked with the ETag it has is 304, and a client
 * past its rate limit gets 429 with Retry-After. Every answer is also checked against the document ({@link #send}).
 */
class ApiErrorPathsIT extends ApiTest {

    /** Path values for requests that are refused before anything is looked up. */
    private static final Map<String, String> ANY = Map.of("handle", "demo", "id", "1", "order_id", "no-such-order", "file_id", "1",
            "name", "notes.txt", "product_id", "1", "module_id", "1", "lesson_id", "1", "block_id", "1",
            "Idempotency-Key", UUID.randomUUID().toString());

    @Test
    void everyOperationThatNeedsATokenRefusesAnUnknownOne() throws Exception {
        String unknown = "Bearer sfk_unknown_" + UUID.randomUUID();
        for (Operation operation : operations("401")) {
            if (operation.needsToken()) {
                assertProblem(401, operation, send(call(operation, ANY).header("Authorization", unknown).build()));
                assertProblem(401, operation, send(call(operation, ANY).build()));
            }
        }
    }

    @Test
    void everyCreatorOperationRefusesAnAccountWithoutAStore() throws Exception {
        String noStore = "Bearer " + TestCreators.withoutStore("no-store");
        // A learner's lesson is 403 too, when it is locked: that is not a store's refusal.
        List<Operation> refusing = operations("403").stream().filter(operation -> operation.scheme().equals(Optional.of("creatorToken"))).toList();
        assertTrue(refusing.size() >= 10, "the creator endpoints document 403: " + refusing);
        // Whose object it is comes before what is wrong with the request: no Idempotency-Key, still 403.
        Map<String, String> withoutHeaders = new HashMap<>(ANY);
        withoutHeaders.remove("Idempotency-Key");
        for (Operation operation : refusing) {
            assertProblem(403, operation, send(call(operation, withoutHeaders).header("Authorization", noStore).build()));
        }
    }

    @Test
    void everyReadAnswersNotModifiedToTheETagItGave() throws Exception {
        String creator = TestCreators.withStore("etags");
        // A course answers every read: the product ones, the curriculum's and the learner's.
        CourseIds course = freeCourseIn(creator);
        String buyer = TestAccounts.uniqueEmail().value();
        String product = String.valueOf(course.product());
        Map<String, String> real = new HashMap<>(Map.of("handle", "etags", "id", product, "product_id", product,
                "module_id", String.valueOf(course.module()), "lesson_id", String.valueOf(course.lesson()), "order_id", buy(course.product(), buyer)));
        Map<String, String> tokens = Map.of("creatorToken", "Bearer " + creator, "buyerToken", "Bearer " + libraryToken(buyer));

        List<Operation> reads = operations("304");
        assertTrue(reads.size() >= 12, "the reads document 304: " + reads);
        for (Operation operation : reads) {
            HttpRequest.Builder read = call(operation, real);
            operation.scheme().ifPresent(scheme -> read.header("Authorization", tokens.get(scheme)));
            HttpResponse<String> first = send(read.build());
            assertEquals(200, first.statusCode(), operation + ": " + first.body());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = send(read.header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode(), operation.toString());
            assertEquals("", again.body(), operation.toString());
        }
    }

    @Test
    void everyOperationTellsAClientPastItsRateLimitWhenToRetry() throws Exception {
        // The test server allows 40 requests a minute per token, counted before the token is checked: spent at once,
        // then every operation (the public ones too) refuses this client until the minute is over.
        String token = "Bearer sfk_limited_" + UUID.randomUUID();
        while (Instant.now().getEpochSecond() % 60 > 40) {
            Thread.sleep(500); // all requests in one counting minute (the server shares this machine's clock)
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(401, send(request("/api/v1/me").header("Authorization", token).build()).statusCode(), "request " + (i + 1));
        }
        List<Operation> all = operations("429");
        assertEquals(OpenApiContract.document().path("paths").findValues("operationId").size(), all.size(), "every operation documents 429");
        for (Operation operation : all) {
            HttpResponse<String> limited = send(call(operation, ANY).header("Authorization", token).build());
            assertProblem(429, operation, limited);
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, operation + ": Retry-After " + retryAfter);
        }
    }

    private static void assertProblem(int status, Operation operation, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), operation + ": " + response.body());
        assertEquals(status, json(response).getInt("status"), operation.toString());
    }

    /**
     * The operation called with these values for its path and required query parameters (and required headers, those
     * given a value), and a body if it takes one.
     */
    private HttpRequest.Builder call(Operation operation, Map<String, String> values) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(value(values, variable.group(1), operation)));
        }
        variable.appendTail(path);
        String query = String.join("&", operation.required("query").stream().map(name -> name + "=" + value(values, name, operation)).toList());
        HttpRequest.Builder request = request(path + (query.isEmpty() ? "" : "?" + query));
        operation.required("header").stream().filter(values::containsKey).forEach(name -> request.header(name, values.get(name)));
        return operation.bodyType().map(type -> request.header("Content-Type", type).method(operation.method(),
                HttpRequest.BodyPublishers.ofString(type.equals("application/json") ? "{}" : "notes")))
                .orElseGet(() -> request.method(operation.method(), HttpRequest.BodyPublishers.noBody()));
    }

    private static String value(Map<String, String> values, String name, Operation operation) {
        String value = values.get(name);
        if (value == null) {
            throw new AssertionError(operation + " takes '" + name + "': give this test a value for it");
        }
        return value;
    }

    /** The document's operations that document this status. */
    private static List<Operation> operations(String status) {
        JsonNode document = OpenApiContract.document();
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (method.getValue().has("operationId") && method.getValue().path("responses").has(status)) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    private record Operation(String method, String path, JsonNode spec) {

        boolean needsToken() {
            return spec.has("security");
        }

        /** The security scheme a token is sent for (the first the operation lists), if it takes one. */
        Optional<String> scheme() {
            return StreamSupport.stream(spec.path("security").spliterator(), false).findFirst().map(requirement -> requirement.fieldNames().next());
        }

        /** The names of the required parameters in the query or in the headers. */
        List<String> required(String in) {
            return StreamSupport.stream(spec.path("parameters").spliterator(), false).map(Operation::resolved)
                    .filter(parameter -> parameter.path("in").asText().equals(in) && parameter.path("required").asBoolean())
                    .map(parameter -> parameter.path("name").asText()).toList();
        }

        Optional<String> bodyType() {
            return spec.path("requestBody").path("content").properties().stream().findFirst()
                    .map(content -> content.getKey().equals("*/*") ? "application/octet-stream" : content.getKey());
        }

        private static JsonNode resolved(JsonNode node) {
            return node.has("$ref") ? OpenApiContract.document().at(node.get("$ref").asText().substring(1)) : node;
        }

        @Override
        public String toString() {
            return spec.path("operationId").asText() + " (" + method + " " + path + ")";
        }
    }
}
