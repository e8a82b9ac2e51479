package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.Deployments;
import io.skillform.testing.DevMail;
import io.skillform.testing.Pages;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Forgotten passwords, the first admin, and an admin disabling an account, end to end in Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLifecycleIT {

    private static final String RESET_SUBJECT = "Reset your SkillForm password";
    /** Set on the test server with -Dskillform.admin-email (arquillian.xml). */
    private static final String FIRST_ADMIN = "first-admin@example.test";

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

        resetVia(link, "password123");
        assertTrue(message().contains("too common"), "a weak password is refused and the link stays usable");
        resetVia(link, "second passphrase");
        assertEquals("Your password is changed. You can log in with it now.", message());
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
            Browser.clickAndWait(admin, admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Disable']")));
            assertEquals("Disabled", admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//span[@class='account-status']")).getText());

            browser.get(url("/library/"));
            assertTrue(browser.getCurrentUrl().endsWith("/login"), "the open session ended: " + browser.getCurrentUrl());
            Pages.submitLogin(browser, email, "first passphrase");
            assertEquals("The e-mail or password is wrong.", message());

            Browser.clickAndWait(admin, admin.findElement(By.xpath("//tr[td[text()='" + email + "']]//input[@value='Enable']")));
            Pages.submitLogin(browser, email, "first passphrase");
            assertTrue(browser.getCurrentUrl().endsWith("/library/"), "enabled again");
        } finally {
            admin.quit();
        }
    }
}
