package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import io.skillform.testing.HttpLogIn;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a page answers to a request it cannot serve: a bad parameter names nothing (404 with the page that says so), a
 * form posted with a view state the server never issued (or has forgotten) is the "page expired" page as a 400 — never
 * the 500 page; and the OpenAPI document, which WildFly serves beside the application, is public without credentials
 * and carries the security headers every page has.
 */
class PageErrorsIT extends ApiTest {

    @Test
    void aParameterThatIsNoIdIsAPageNotFound() throws Exception {
        for (String product : List.of("abc", "-1", "99999999999999999999", "1e3", "")) {
            assertNotFound(http.send(request("/checkout?product=" + product).build(), HttpResponse.BodyHandlers.ofString()),
                    "/checkout?product=" + product);
        }
        String creator = HttpLogIn.as(base.toString().replaceAll("/$", ""), "creator@demo.skillform.test", "demo-creator-2026").cookie();
        for (String id : List.of("abc", "-5", "123456789012345678901")) {
            assertNotFound(http.send(request("/dashboard/order?id=" + id).header("Cookie", creator).build(), HttpResponse.BodyHandlers.ofString()),
                    "/dashboard/order?id=" + id);
        }
    }

    @Test
    void aFormPostedWithAViewStateNeverIssuedIsThePageExpiredPage() throws Exception {
        HttpResponse<String> stale = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&login%3Aemail=a%40b.test&login%3Apassword=x&login%3Asubmit=Log+in"
                        + "&jakarta.faces.ViewState=-4242424242424242424%3A1234567890123456789")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("This page expired"), stale.body());
        assertFalse(stale.body().contains("Something went wrong"), stale.body());
    }

    @Test
    void theOpenApiDocumentAllowsAnyOriginWithoutCredentialsAndHasTheSecurityHeaders() throws Exception {
        HttpResponse<String> document = http.send(request("/openapi").header("Origin", "https://elsewhere.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        assertFalse(document.headers().firstValue("Access-Control-Allow-Credentials").filter("true"::equalsIgnoreCase).isPresent(),
                "credentials with a wildcard origin: " + document.headers().map());
        assertEquals("nosniff", document.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", document.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(document.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), document.headers().map().toString());
    }

    private static void assertNotFound(HttpResponse<String> page, String what) {
        assertEquals(404, page.statusCode(), what + ": " + page.body());
        assertTrue(page.body().contains("Page not found"), what + ": " + page.body());
    }
}
