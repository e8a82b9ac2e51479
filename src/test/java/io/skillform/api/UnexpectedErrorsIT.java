package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Deployments;
import io.skillform.testing.OpenApiContract;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failure nobody foresaw is a 500 problem that tells the client nothing of our internals, logged for us; what JAX-RS
 * itself answers (an unknown path, a method a path lacks, OPTIONS) is answered as before. A resource that fails is
 * added to the application for this test only.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class UnexpectedErrorsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app().addClass(FailingResource.class);
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutItsDetailsWhichAreLogged() throws Exception {
        HttpResponse<String> failed = send("GET", "/api/v1/test-failure");
        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals("application/problem+json", failed.headers().firstValue("Content-Type").orElse(""));
        assertTrue(failed.body().contains("\"status\":500"), failed.body());
        assertFalse(failed.body().contains("mariadb"), failed.body());
        // As the OpenAPI document describes any operation's server error (5XX), asked of a documented path.
        OpenApiContract.check(HttpRequest.newBuilder(URI.create(base + "api/v1/me")).build(), failed);
        assertTrue(Files.readString(Path.of(System.getProperty("skillform.it.serverLog"))).contains(FailingResource.SECRET), "logged");
    }

    @Test
    void whatJaxRsAnswersItselfIsNotAServerError() throws Exception {
        assertEquals(404, send("GET", "/api/v1/nothing-here").statusCode());
        assertEquals(405, send("DELETE", "/api/v1/checkouts").statusCode());
        HttpResponse<String> options = send("OPTIONS", "/api/v1/checkouts");
        assertTrue(options.statusCode() < 300, options.statusCode() + " " + options.body());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
