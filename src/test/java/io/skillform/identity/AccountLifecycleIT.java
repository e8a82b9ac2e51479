package io.skillform.identity;

import io.skillform.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.DevMail;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Forgotten passwords, the first admin, and an admin disabling an account, end to end in Chromium. */
@RunAsClient
class AccountLifecycleIT extends BrowserTest {

    private static final String RESET_SUBJECT = "Reset your SkillForm password";
    /** Set on the test server with -Dskillform.admin-email (arquillian.xml). */
    private static final String FIRST_ADMIN = "first-admin@example.test";

    private String newBuyer() {
        String email = "buyer-" + UUID.randomUUID() + "@example.test";
        Pages.signUp(browser, url(""), email, "first passphrase", null);
        return email;
    }

    private void resetVia(String link, String password) {
        browser.get(url(link));
        Pages.fill(browser, "reset:password", password);
        Browser.clickAndWait(browser, browser.findElement(By.id("reset:submit")));
    }

    private String message() {
        return browser.findElement(By.cssSelector(".sf-messages li")).getText();
    }

    @Test
    void aForgottenPasswordIsResetByMailedLink() throws Exception {
        String email = newBuyer();
        browser.get(url("/forgot"));
        Pages.fill(browser, "forgot:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("forgot:submit")));
        assertTrue(message().startsWith("If an account uses this address"));

        JsonObject mail = DevMail.newest(url(""), email, RESET_SUBJECT).orElseThrow(() -> new AssertionError("reset mail"));
        String link = DevMail.linkPath(mail, "/reset");

        ChromeDriver elsewhere = Browser.open();
        try {
            Pages.logIn(elsewhere, url(""), email, "first passphrase");
            assertTrue(elsewhere.getCurrentUrl().endsWith("/library/"));

            resetVia(link, "password123");
            assertTrue(message().contains("too common"), "a weak password is refused and the link stays usable");
            resetVia(link, "second passphrase");
            assertEquals("Your password is changed. You can log in with it now.", message());
            elsewhere.get(url("/account/"));
            assertTrue(elsewhere.getCurrentUrl().endsWith("/login"), "a session opened with the old password ends");
        } finally {
            elsewhere.quit();
        }
        resetVia(link, "third passphrase");
        assertTrue(message().startsWith("This reset link is not valid any more"), "single use");

        Pages.logIn(browser, url(""), email, "first passphrase");
        assertEquals("The e-mail or password is wrong.", message(), "the old password is gone");
        Pages.submitLogin(browser, email, "second passphrase");
        assertTrue(browser.getCurrentUrl().endsWith("/library/"), browser.getCurrentUrl());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String email = "ghost-" + UUID.randomUUID() + "@example.test";
        browser.get(url("/forgot"));
        Pages.fill(browser, "forgot:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("forgot:submit")));
        assertTrue(message().startsWith("If an account uses this address"));
        assertTrue(DevMail.newest(url(""), email, RESET_SUBJECT).isEmpty());
    }

    @Test
    void theConfiguredFirstAdminSetsAPasswordFromTheLinkInTheLog() throws Exception {
        // The link is mailed too, but the catcher's memory is lost at each redeployment; the log stays.
        String log = Files.readString(Path.of(System.getProperty("skillform.it.serverLog")));
        Matcher link = Pattern.compile("First admin " + Pattern.quote(FIRST_ADMIN)
                + " created\\. Set its password within 1 hour: https?://[^/\\s]+(/reset\\?token=[A-Za-z0-9_-]+)").matcher(log);
        assertTrue(link.find(), "the set-password link is printed in the server log");
        resetVia(link.group(1), "admin passphrase");
        Pages.logIn(browser, url(""), FIRST_ADMIN, "admin passphrase");
        assertTrue(browser.getCurrentUrl().endsWith("/admin/"), browser.getCurrentUrl());
        assertEquals("Accounts", browser.findElement(By.cssSelector("h1")).getText());
    }

    @Test
    void aDisabledAccountLosesItsSessionAtOnce() throws Exception {
        String email = newBuyer();
        Pages.logIn(browser, url(""), email, "first passphrase");
        assertTrue(browser.getCurrentUrl().endsWith("/library/"));

        ChromeDriver admin = Browser.open();
        try {
            Pages.logIn(admin, url(""), "admin@demo.skillform.test", "demo-admin-2026");
            Pages.fill(admin, "accounts:query", email);
            Browser.clickAndWait(admin, admin.findElement(By.id("accounts:search")));
            assertEquals("Disable this account? Its sessions and API tokens stop working at once.", Browser.clickConfirmAndWait(admin,
                    admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Disable']"))));
            assertEquals("Disabled", admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//span[@class='account-status']")).getText());

            browser.get(url("/account/"));
            assertTrue(browser.getCurrentUrl().endsWith("/login"), "the open session ended: " + browser.getCurrentUrl());
            Pages.submitLogin(browser, email, "first passphrase");
            assertEquals("The e-mail or password is wrong.", message());

            Browser.clickAndWait(admin, admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Enable']")));
            Pages.submitLogin(browser, email, "first passphrase");
            assertTrue(browser.getCurrentUrl().endsWith("/account/"), "enabled again, back to the page that asked for it");
        } finally {
            admin.quit();
        }
    }

    @Test
    void aDisabledCreatorsStoreStopsSellingUntilTheAccountIsEnabledAgain() throws Exception {
        String handle = "off" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestCreators.withStore(handle);
        long product = publishedProduct(token);
        String email = handle + "@creators.example.test";
        assertEquals(200, status("GET", "/api/v1/stores/" + handle + "/products/" + product, null));

        Pages.logIn(browser, url(""), "admin@demo.skillform.test", "demo-admin-2026");
        Pages.fill(browser, "accounts:query", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("accounts:search")));
        Browser.clickConfirmAndWait(browser, browser.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Disable']")));

        // Nothing of the store is for sale: not its page, its products in the API, nor a checkout.
        assertEquals(404, status("GET", "/api/v1/stores/" + handle + "/products", null));
        assertEquals(404, status("GET", "/api/v1/stores/" + handle + "/products/" + product, null));
        assertEquals(404, status("GET", "/@" + handle, null));
        assertEquals(404, status("GET", "/checkout?product=" + product, null));
        String checkout = "{\"product_id\":" + product + ",\"email\":\"" + TestAccounts.uniqueEmail().value() + "\"}";
        int refused = status("POST", "/api/v1/checkouts", checkout);
        assertTrue(refused >= 400 && refused < 500, "checkout of a suspended store's product: " + refused);
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM customer_order o JOIN order_item i ON i.order_id = o.id WHERE i.product_id = ?", product));

        Browser.clickAndWait(browser, browser.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Enable']")));
        assertEquals(200, status("GET", "/api/v1/stores/" + handle + "/products/" + product, null), "selling again");
        assertEquals(201, status("POST", "/api/v1/checkouts", checkout));
    }

    private long publishedProduct(String token) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/products", "{\"slug\":\"gone\",\"title\":\"Gone\",\"price\":0}", token);
        assertEquals(201, created.statusCode(), created.body());
        long id = Long.parseLong(created.body().replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1"));
        assertEquals(201, send("POST", "/api/v1/products/" + id + "/files?name=free.txt", "free", token).statusCode());
        assertEquals(200, send("POST", "/api/v1/products/" + id + "/publish", "", token).statusCode());
        return id;
    }

    private int status(String method, String path, String body) throws Exception {
        return send(method, path, body, null).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdminSeesStuckMailAndSendsItAgain() throws Exception {
        String to = "stuck-" + UUID.randomUUID() + "@example.test";
        // A mail the broker gave up on: written ten minutes ago, still pending after six attempts.
        try (Connection db = TestDatabase.connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbound_mail (message_id, recipient, subject,"
                     + " body_text, status, attempts, last_error, created_at) VALUES (?, ?, 'Stuck receipt', 'Body',"
                     + " 'PENDING', 6, 'Connection refused', UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE)")) {
            insert.setString(1, "<" + UUID.randomUUID() + "@shop.example.test>");
            insert.setString(2, to);
            insert.executeUpdate();
        }
        Pages.logIn(browser, url(""), "admin@demo.skillform.test", "demo-admin-2026");
        browser.get(url("/admin/mail"));
        String row = "//tr[td[text()='" + to + "']]";
        assertEquals("Connection refused", browser.findElement(By.xpath(row + "/td[5]")).getText());

        Browser.clickAndWait(browser, browser.findElement(By.xpath(row + "//input[@value='Send again']")));
        assertTrue(DevMail.newest(url(""), to, "Stuck receipt").isPresent(), "delivered on retry");
        browser.get(url("/admin/mail"));
        assertTrue(browser.findElements(By.xpath(row)).isEmpty(), "no longer stuck");
    }

    @Test
    void aBuyerChangesPasswordAndAddressAndStartsSelling() throws Exception {
        String email = newBuyer();
        Pages.logIn(browser, url(""), email, "first passphrase");
        browser.get(url("/account/"));

        Pages.fill(browser, "password:current", "not my password");
        Pages.fill(browser, "password:new", "second passphrase");
        Browser.clickAndWait(browser, browser.findElement(By.id("password:submit")));
        assertEquals("Your current password is wrong", message());
        Pages.fill(browser, "password:current", "first passphrase");
        Pages.fill(browser, "password:new", "second passphrase");
        Browser.clickAndWait(browser, browser.findElement(By.id("password:submit")));
        assertEquals("Your password is changed.", message());
        browser.get(url("/account/"));
        assertTrue(browser.getCurrentUrl().endsWith("/account/"), "whoever changed the password stays logged in");

        String newEmail = "moved-" + UUID.randomUUID() + "@example.test";
        Pages.fill(browser, "email:address", newEmail);
        Pages.fill(browser, "email:current", "second passphrase");
        Browser.clickAndWait(browser, browser.findElement(By.id("email:submit")));
        assertTrue(message().startsWith("If the address can be used"));
        assertEquals(email, browser.findElement(By.cssSelector(".sf-account")).getText(), "nothing moves before the link");
        JsonObject confirm = DevMail.newest(url(""), newEmail, "Confirm your new e-mail address for SkillForm")
                .orElseThrow(() -> new AssertionError("the new address gets the confirmation"));
        assertTrue(Pages.confirmEmail(browser, url(DevMail.linkPath(confirm, "/verify"))).startsWith("Thank you"));
        assertTrue(DevMail.newest(url(""), email, "Your SkillForm e-mail address was changed").isPresent(),
                "the old address is told");
        browser.get(url("/account/"));
        assertEquals(newEmail, browser.findElement(By.cssSelector(".sf-account")).getText());

        String handle = "s" + UUID.randomUUID().toString().substring(0, 8);
        String sessionBefore = browser.manage().getCookieNamed("JSESSIONID").getValue();
        Pages.fill(browser, "sell:storeHandle", handle);
        Pages.fill(browser, "sell:storeName", "Moved Store");
        Browser.clickAndWait(browser, browser.findElement(By.id("sell:submit")));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), browser.getCurrentUrl());
        assertTrue(!sessionBefore.equals(browser.manage().getCookieNamed("JSESSIONID").getValue()),
                "a new session id with the new role");

        Browser.clickAndWait(browser, browser.findElement(By.id("account-menu:logout")));
        Pages.logIn(browser, url(""), email, "second passphrase");
        assertEquals("The e-mail or password is wrong.", message(), "the old address no longer signs in");
        Pages.submitLogin(browser, newEmail, "second passphrase");
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), browser.getCurrentUrl());
        browser.get(url("/@" + handle));
        assertEquals("Moved Store", browser.findElement(By.cssSelector("h1")).getText());
    }
}
