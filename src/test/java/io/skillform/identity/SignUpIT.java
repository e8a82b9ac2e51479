package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Sign-up as a person does it: the form, the mail read back from the SMTP server, the link, the log-in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpIT {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/verify\\?token=[A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private ChromeDriver browser;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void fill(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void signUp(String email, String password, String handle) {
        browser.get(url("/signup"));
        fill("signup:email", email);
        fill("signup:name", "Test Creator");
        fill("signup:password", password);
        if (handle != null) {
            browser.findElement(By.id("signup:creator")).click();
            fill("signup:storeHandle", handle);
            fill("signup:storeName", "Test Store " + handle);
        }
        Browser.clickAndWait(browser, browser.findElement(By.id("signup:submit")));
    }

    @Test
    void aCreatorSignsUpVerifiesByMailAndLogsIn() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.test";
        String handle = "t" + UUID.randomUUID().toString().substring(0, 8);
        signUp(email, "a long passphrase", handle);
        assertTrue(browser.findElement(By.cssSelector(".sf-message-info")).getText().contains(email));

        JsonObject mail = mailTo(email).orElseThrow(() -> new AssertionError("the verification mail arrives"));
        assertEquals("Confirm your e-mail address for SkillForm", mail.getString("subject"));
        Matcher link = LINK.matcher(mail.getString("text"));
        assertTrue(link.find(), mail.getString("text"));

        browser.get(url(link.group(1)));
        assertTrue(browser.findElement(By.id("verify-result")).getText().startsWith("Thank you"));
        browser.get(url(link.group(1)));
        assertTrue(browser.findElement(By.id("verify-result")).getText().contains("not valid any more"), "single use");
        assertTrue(dbHasVerified(email));

        browser.get(url("/login"));
        fill("login:email", email);
        fill("login:password", "a long passphrase");
        Browser.clickAndWait(browser, browser.findElement(By.id("login:submit")));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), browser.getCurrentUrl());

        browser.get(url("/@" + handle));
        assertEquals("Test Store " + handle, browser.findElement(By.cssSelector("h1")).getText());
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsOwnerIsTold() throws Exception {
        signUp("buyer@demo.skillform.test", "another long passphrase", null);
        assertTrue(browser.findElement(By.cssSelector(".sf-message-info")).getText().startsWith("Almost there"));
        JsonObject mail = mailTo("buyer@demo.skillform.test").orElseThrow();
        assertEquals("Someone tried to sign up with your e-mail address", mail.getString("subject"));
    }

    @Test
    void badInputIsExplainedAndNothingIsStored() throws Exception {
        String email = "weak-" + UUID.randomUUID() + "@example.test";
        signUp(email, "password123", null);
        assertTrue(browser.findElement(By.cssSelector(".sf-message-error")).getText().contains("too common"));

        signUp(email, "a long passphrase", "demo");
        assertEquals("The store handle @demo is taken", browser.findElement(By.cssSelector(".sf-message-error")).getText());

        signUp(email, "a long passphrase", "Not A Handle");
        assertTrue(browser.findElement(By.cssSelector(".sf-message-error")).getText().startsWith("A store handle is"));

        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE email = ?", email));
        assertEquals(0, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", email));
    }

    private Optional<JsonObject> mailTo(String email) throws InterruptedException {
        return Eventually.within(Duration.ofSeconds(20), () -> {
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create(url("/dev/mail?format=json"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return Json.createReader(new StringReader(json)).readArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("to").equals(email))
                        .findFirst();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private boolean dbHasVerified(String email) throws Exception {
        return count("SELECT COUNT(*) FROM account WHERE email = ? AND email_verified_at IS NOT NULL", email) == 1;
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("skillform.it.dbUrl"), "root", "");
             PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
