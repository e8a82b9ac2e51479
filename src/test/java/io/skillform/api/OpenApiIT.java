package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillform.testing.ApiTest;
import io.skillform.testing.OpenApiContract;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** /openapi serves the project's OpenAPI document (META-INF/openapi.yaml) as written, in YAML and in JSON. */
class OpenApiIT extends ApiTest {

    @Test
    void theServedDocumentIsTheWrittenOne() throws Exception {
        HttpResponse<String> json = get("/openapi?format=JSON");
        assertEquals(200, json.statusCode(), json.body());
        JsonNode served = new ObjectMapper().readTree(json.body());
        JsonNode written = OpenApiContract.document();
        assertEquals(Set.of(), OpenApiContract.oas31Errors(served), "what clients' tools read is valid OpenAPI 3.1");

        assertEquals(operations(written), operations(served), "the same paths, methods and operation ids");
        assertEquals(written.path("components").path("schemas").size(), served.path("components").path("schemas").size(),
                "no schema scanned from the resources, none lost");
        assertEquals(written.path("info"), served.path("info"));
        assertEquals(written.path("servers"), served.path("servers"));

        HttpResponse<String> yaml = get("/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().contains("operationId: createCheckout"), yaml.body());
    }

    /** "METHOD path" → operationId, for every operation. */
    private static Map<String, String> operations(JsonNode document) {
        Map<String, String> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> operation.getValue().has("operationId"))
                .forEach(operation -> operations.put(operation.getKey() + " " + path.getKey(), operation.getValue().path("operationId").asText())));
        return operations;
    }
}
