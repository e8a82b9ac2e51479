package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillform.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document is valid OpenAPI 3.1, and complete in the ways the official schema cannot check: refs
 * resolve, every operation is named, has a success and the errors every client must handle, and declares its path
 * parameters.
 */
class OpenApiDocumentTest {

    private static final JsonNode DOCUMENT = OpenApiContract.document();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void isValidOpenApi31() {
        assertEquals(Set.of(), OpenApiContract.oas31Errors(DOCUMENT));
        assertEquals("3.1.0", DOCUMENT.path("openapi").asText());
    }

    @Test
    void everyReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        collectRefs(DOCUMENT, dangling);
        assertTrue(dangling.size() > 100, "the walk found the refs: " + dangling.size());
        dangling.removeIf(ref -> ref.startsWith("#/") && !DOCUMENT.at(ref.substring(1)).isMissingNode());
        assertEquals(List.of(), dangling);
    }

    @Test
    void everyOperationIsNamedAndAnswersSuccessAndItsErrors() {
        Set<String> ids = new HashSet<>();
        forEachOperation((where, operation) -> {
            assertTrue(ids.add(operation.path("operationId").asText()), "a unique operationId: " + where);
            Set<String> statuses = new TreeSet<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertTrue(statuses.stream().anyMatch(status -> status.startsWith("2")), "a 2xx: " + where);
            assertTrue(statuses.contains("429"), "rate limits apply to every operation: " + where);
            assertTrue(statuses.contains("5XX"), "any operation can fail on our side: " + where);
            if (operation.has("security")) {
                assertTrue(statuses.contains("401"), "a token can be wrong: " + where);
            }
            if (parameters(where, operation).stream().anyMatch(p -> p.path("in").asText().equals("path"))) {
                assertTrue(statuses.contains("404"), "a path can name nothing: " + where);
            }
            if (operation.has("requestBody") || parameters(where, operation).stream().anyMatch(p -> p.path("in").asText().equals("query"))) {
                assertTrue(statuses.contains("400"), "input can be wrong: " + where);
            }
            if (operation.has("requestBody")) {
                assertTrue(statuses.contains("413"), "a body can be too large: " + where);
            }
            if (where.startsWith("get ")) {
                assertTrue(statuses.contains("304"), "If-None-Match: " + where);
                assertTrue(DOCUMENT.at(OpenApiContract.resolve(pointer(where) + "/responses/200/headers/ETag") + "/required").asBoolean(),
                        "every GET 200 carries an ETag: " + where);
            }
        });
        assertEquals(43, ids.size(), "operations in api-v1-spec.md");
    }

    @Test
    void everyPathParameterIsDeclared() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        forEachOperation((where, operation) -> {
            Set<String> inTemplate = new TreeSet<>();
            Matcher matcher = variable.matcher(where);
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            Set<String> declared = new TreeSet<>();
            parameters(where, operation).stream().filter(p -> p.path("in").asText().equals("path"))
                    .forEach(p -> declared.add(p.path("name").asText()));
            assertEquals(inTemplate, declared, where);
        });
    }

    /** Calls back with "method path" and the operation, for every operation. */
    private static void forEachOperation(BiConsumer<String, JsonNode> check) {
        for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    check.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    /** The operation's parameters and its path's, refs followed. */
    private static List<JsonNode> parameters(String where, JsonNode operation) {
        String pathPointer = pointer(where).replaceAll("/[a-z]+$", "");
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode list : List.of(DOCUMENT.at(pathPointer + "/parameters"), operation.path("parameters"))) {
            list.forEach(parameter -> parameters.add(parameter.has("$ref")
                    ? DOCUMENT.at(parameter.get("$ref").asText().substring(1)) : parameter));
        }
        return parameters;
    }

    /** The JSON Pointer of the operation named "method path". */
    private static String pointer(String where) {
        String[] methodAndPath = where.split(" ", 2);
        return "/paths/" + OpenApiContract.escape(methodAndPath[1]) + "/" + methodAndPath[0];
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
