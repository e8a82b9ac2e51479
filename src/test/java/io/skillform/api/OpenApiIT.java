package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The API's OpenAPI document is served by the app and lists the endpoints the resources define. */
class OpenApiIT extends ApiTest {



    @Test
    void theDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> document = get("/openapi?format=JSON");
        assertEquals(200, document.statusCode(), document.body());
        for (String expected : new String[] {"\"SkillForm API\"", "/api/v1/stores/{handle}/products", "/api/v1/checkouts",
                "/api/v1/checkouts/{orderId}", "/api/v1/me/balance"}) {
            assertTrue(document.body().contains(expected), expected + " in " + document.body());
        }
    }
}
