package io.skillform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document (src/main/resources/META-INF/openapi.yaml) as a contract every API response is held to:
 * the operation for the method and path, the response for the status, its required headers, its content type and
 * its body's JSON Schema. A mismatch fails the test — either the document is wrong or the API is.
 */
public final class OpenApiContract {

    /** Where the document is registered for the validator, so its {@code #/components/...} refs resolve. */
    private static final String DOCUMENT_URI = "https://skillform.local/openapi.json";

    private static final JsonNode DOCUMENT = load();
    private static final ObjectMapper JSON = new ObjectMapper();
    // The validator's own "email" format refuses reserved top-level domains such as .test (RFC 2606), which the tests'
    // addresses use on purpose; RFC 5321 has no such rule, so here an address is checked for its shape only.
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .format(PatternFormat.of("email", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "format")).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(DIALECT).schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, DOCUMENT.toString()))));
    // Formats (date-time, email, uri) are asserted, not just annotations: a malformed timestamp is a broken promise.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    /** The document as written. */
    public static JsonNode document() {
        return DOCUMENT;
    }

    /** What makes this document (the written one, or one a server serves) invalid OpenAPI 3.1: nothing, if valid. */
    public static Set<ValidationMessage> oas31Errors(JsonNode document) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:openapi-3.1/schema.json")).validate(document);
    }

    /** Fails unless the response is one the document describes for the request. Requests outside /api/ pass. */
    public static void check(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        String call = request.method() + " " + path + " → " + response.statusCode();
        String template = template(path).orElseThrow(() -> new AssertionError("Undocumented path: " + call
                + ". The document is wrong or the API is."));
        String operationPointer = "/paths/" + escape(template) + "/" + request.method().toLowerCase();
        JsonNode operation = DOCUMENT.at(operationPointer);
        assertTrue(operation.isObject(), "Undocumented method: " + call + ". The document is wrong or the API is.");
        String responsePointer = responsePointer(operationPointer, response.statusCode())
                .orElseThrow(() -> new AssertionError("Status " + response.statusCode() + " is not documented for "
                        + operation.path("operationId").asText() + ": " + call + ". The document is wrong or the API is.\n"
                        + response.body()));
        JsonNode documented = DOCUMENT.at(responsePointer);
        documented.path("headers").fields().forEachRemaining(header -> checkHeader(call, header.getKey(),
                resolve(responsePointer + "/headers/" + escape(header.getKey())), response));
        checkContent(call, responsePointer, response);
    }

    /** The document's path template matching the concrete path; a literal segment wins over a template variable. */
    private static Optional<String> template(String path) {
        return DOCUMENT.path("paths").properties().stream().map(Map.Entry::getKey)
                .filter(template -> Pattern.matches(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"), path))
                .min(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()));
    }

    /** The exact status, else its class ({@code 4XX}), else {@code default}; refs followed. */
    private static Optional<String> responsePointer(String operationPointer, int status) {
        for (String key : new String[] {String.valueOf(status), status / 100 + "XX", "default"}) {
            String pointer = operationPointer + "/responses/" + key;
            if (!DOCUMENT.at(pointer).isMissingNode()) {
                return Optional.of(resolve(pointer));
            }
        }
        return Optional.empty();
    }

    /** The pointer of what a {@code $ref} at the pointer leads to (the pointer itself if it is no reference). */
    public static String resolve(String pointer) {
        JsonNode node = DOCUMENT.at(pointer);
        while (node.has("$ref")) {
            pointer = node.get("$ref").asText().substring(1);
            node = DOCUMENT.at(pointer);
        }
        return pointer;
    }

    private static void checkHeader(String call, String name, String headerPointer, HttpResponse<String> response) {
        JsonNode header = DOCUMENT.at(headerPointer);
        Optional<String> value = response.headers().firstValue(name);
        if (value.isEmpty()) {
            assertTrue(!header.path("required").asBoolean(), "Header " + name + " is required: " + call);
            return;
        }
        assertValid(call + ", header " + name, headerPointer + "/schema", JSON.getNodeFactory().textNode(value.get()));
    }

    private static void checkContent(String call, String responsePointer, HttpResponse<String> response) {
        JsonNode content = DOCUMENT.at(responsePointer + "/content");
        if (content.isMissingNode()) {
            assertEquals("", response.body(), "No body is documented: " + call);
            return;
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
        assertTrue(content.has(mediaType), "Content-Type " + mediaType + " is not documented (" + content.properties().stream()
                .map(Map.Entry::getKey).toList() + "): " + call);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new AssertionError("The body is not JSON: " + call + "\n" + response.body(), notJson);
        }
        assertValid(call + ", body " + response.body(), responsePointer + "/content/" + escape(mediaType) + "/schema", body);
        if (mediaType.equals("application/problem+json")) {
            assertEquals(response.statusCode(), body.path("status").asInt(), "A problem's status is the response's: " + call);
        }
    }

    private static void assertValid(String what, String schemaPointer, JsonNode instance) {
        JsonSchema schema = COMPILED.computeIfAbsent(schemaPointer,
                pointer -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer), CONFIG));
        Set<ValidationMessage> errors = schema.validate(instance);
        if (!errors.isEmpty()) {
            fail("Not as documented (" + schemaPointer + "): " + what + "\n" + errors);
        }
    }

    /** A JSON Pointer reference token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load() {
        try (InputStream yaml = OpenApiContract.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
