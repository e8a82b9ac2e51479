package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Log-in, log-out, access rules and API tokens as a person (and a script) uses them. Uses the demo accounts. */
@RunAsClient
class LoginIT extends BrowserTest {

    private static final String CREATOR = "creator@demo.skillform.test";
    private static final String CREATOR_PASSWORD = "demo-creator-2026";
    private static final String BUYER = "buyer@demo.skillform.test";
    private static final String BUYER_PASSWORD = "demo-buyer-2026";

    private final HttpClient http = HttpClient.newHttpClient();

    private void submitLogin(String email, String password) {
        Pages.submitLogin(browser, email, password);
    }

    private String sessionCookie() {
        var cookie = browser.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    @Test
    void aCreatorLogsInIsSentBackToTheDashboardAndLogsOut() {
        browser.get(url("/dashboard/"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "anonymous visitors go to /login: " + browser.getCurrentUrl());
        String before = sessionCookie();

        submitLogin(CREATOR, CREATOR_PASSWORD);

        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), browser.getCurrentUrl());
        assertEquals("Creator dashboard", browser.findElement(By.cssSelector("h1")).getText());
        assertEquals(CREATOR, browser.findElement(By.cssSelector(".sf-account")).getText());
        assertNotEquals(before, sessionCookie(), "the session id changes at log-in");

        Browser.clickAndWait(browser, browser.findElement(By.id("account-menu:logout")));
        assertEquals("Log in", browser.findElement(By.linkText("Log in")).getText());
        browser.get(url("/dashboard/"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "logged out for real");
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameMessage() {
        browser.get(url("/login"));
        submitLogin(CREATOR, "not-the-password");
        String wrongPassword = browser.findElement(By.cssSelector(".sf-message-error")).getText();
        submitLogin("nobody-" + UUID.randomUUID() + "@example.test", "whatever-password");
        String unknownAccount = browser.findElement(By.cssSelector(".sf-message-error")).getText();

        assertEquals("The e-mail or password is wrong.", wrongPassword);
        assertEquals(wrongPassword, unknownAccount);
        assertTrue(browser.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void repeatedFailuresLockTheAccountOut() {
        String email = "target-" + UUID.randomUUID() + "@example.test";
        browser.get(url("/login"));
        for (int attempt = 1; attempt <= LoginThrottle.PER_ACCOUNT.freeAttempts() + 1; attempt++) {
            submitLogin(email, "guess-number-" + attempt);
            assertEquals("The e-mail or password is wrong.", browser.findElement(By.cssSelector(".sf-message-error")).getText());
        }
        submitLogin(email, "one-more-guess");
        assertTrue(browser.findElement(By.cssSelector(".sf-message-error")).getText().startsWith("Too many failed attempts"));
    }

    @Test
    void aBuyerCannotOpenTheCreatorDashboard() throws Exception {
        browser.get(url("/login"));
        submitLogin(BUYER, BUYER_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/library/"), browser.getCurrentUrl());

        browser.get(url("/dashboard/tokens"));
        assertEquals("Not allowed", browser.findElement(By.cssSelector("h1")).getText());
        assertTrue(browser.findElements(By.id("tokens:create")).isEmpty());
    }

    @Test
    void aCreatorCreatesUsesAndRevokesAnApiToken() throws Exception {
        browser.get(url("/dashboard/tokens"));
        submitLogin(CREATOR, CREATOR_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/tokens"), browser.getCurrentUrl());

        String name = "Storefront " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("tokens:name")).sendKeys(name);
        Browser.clickAndWait(browser, browser.findElement(By.id("tokens:create")));
        String secret = browser.findElement(By.id("new-token")).getText();
        assertTrue(secret.startsWith("sfk_"), secret);

        HttpResponse<String> me = me(secret);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"email\":\"" + CREATOR + "\""), me.body());
        assertTrue(me.body().contains("\"roles\":[\"creator\",\"customer\"]"), me.body());

        browser.get(url("/dashboard/tokens"));
        assertFalse(browser.getPageSource().contains(secret), "the secret is shown once only");
        Browser.clickConfirmAndWait(browser, browser.findElement(By.xpath("//tr[td[text()='" + name + "']]//input[@value='Revoke']")));
        assertEquals("Revoked", browser.findElement(By.xpath("//tr[td[text()='" + name + "']]//span[@class='token-status']")).getText());

        HttpResponse<String> revoked = me(secret);
        assertEquals(401, revoked.statusCode());
        assertEquals("application/problem+json", revoked.headers().firstValue("Content-Type").orElse(""));

        // The storefront's origins (CORS): all checked before any is saved, kept in the form browsers send.
        String before = origins();
        saveOrigins("https://Shop.Example.com/\nnot an origin");
        assertTrue(browser.findElement(By.id("origins:messages")).getText().contains("“not an origin” is not a web origin"),
                browser.findElement(By.id("origins:messages")).getText());
        assertEquals(before, origins(), "nothing saved");
        saveOrigins("https://Shop.Example.com:443/\n\nhttp://localhost:5173");
        assertEquals("Origins saved.", browser.findElement(By.id("origins:messages")).getText());
        assertEquals("https://shop.example.com http://localhost:5173", origins());
        saveOrigins(before.replace(' ', '\n'));
    }

    private void saveOrigins(String lines) {
        WebElement list = browser.findElement(By.id("origins:list"));
        list.clear();
        list.sendKeys(lines);
        Browser.clickAndWait(browser, browser.findElement(By.id("origins:save")));
    }

    private static String origins() throws Exception {
        try (var db = TestDatabase.connect(); var rows = db.createStatement().executeQuery("SELECT api_allowed_origins FROM store WHERE handle = 'demo'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void theApiAnswersTheDemoTokenAndRefusesOthersWithProblemJson() throws Exception {
        HttpResponse<String> demo = me("sfk_demo_creator");
        assertEquals(200, demo.statusCode(), demo.body());
        assertTrue(demo.body().contains("\"email\":\"" + CREATOR + "\""));
        assertTrue(demo.headers().firstValue("Set-Cookie").isEmpty(), "the API creates no session");

        for (String authorization : new String[] {null, "Bearer sfk_wrong", "Basic Zm9vOmJhcg==", "Bearer "}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/me")));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), String.valueOf(authorization));
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.body().contains("\"status\":401"), refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/login", "/no-such-page", "/api/v1/me"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/me")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
