package io.skillform.identity;

import io.skillform.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.DevMail;
import io.skillform.testing.Pages;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Sign-up as a person does it: the form, the mail read back from the SMTP server, the link, the log-in. */
@RunAsClient
class SignUpIT extends BrowserTest {

    private void signUp(String email, String password, String handle) {
        Pages.signUp(browser, url(""), email, password, handle);
    }

    @Test
    void aCreatorSignsUpVerifiesByMailAndLogsIn() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.test";
        String handle = "t" + UUID.randomUUID().toString().substring(0, 8);
        signUp(email, "a long passphrase", handle);
        assertTrue(browser.findElement(By.cssSelector(".sf-message-info")).getText().contains(email));

        JsonObject mail = DevMail.newest(url(""), email, "Confirm your e-mail address for SkillForm")
                .orElseThrow(() -> new AssertionError("the verification mail arrives"));
        String link = DevMail.linkPath(mail, "/verify");

        // Opening the link (as a mail scanner does) confirms nothing; the button does, once.
        browser.get(url(link));
        assertFalse(dbHasVerified(email), "not by opening the page");
        assertTrue(Pages.confirmEmail(browser, url(link)).startsWith("Thank you"));
        assertTrue(Pages.confirmEmail(browser, url(link)).contains("not valid any more"), "single use");
        assertTrue(dbHasVerified(email));

        Pages.logIn(browser, url(""), email, "a long passphrase");
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), browser.getCurrentUrl());

        browser.get(url("/@" + handle));
        assertEquals("Test Store " + handle, browser.findElement(By.cssSelector("h1")).getText());
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsOwnerIsTold() throws Exception {
        signUp("buyer@demo.skillform.test", "another long passphrase", null);
        assertTrue(browser.findElement(By.cssSelector(".sf-message-info")).getText().startsWith("Almost there"));
        assertTrue(DevMail.newest(url(""), "buyer@demo.skillform.test", "Someone tried to sign up with your e-mail address")
                .isPresent(), "the owner of the address is told");
    }

    @Test
    void badInputIsExplainedAndNothingIsStored() throws Exception {
        String email = "weak-" + UUID.randomUUID() + "@example.test";
        signUp(email, "password123", null);
        assertTrue(fieldError("password").contains("too common"), fieldError("password"));

        signUp(email, "a long passphrase", "demo");
        assertEquals("The store handle @demo is taken", fieldError("storeHandle"));

        signUp(email, "a long passphrase", "Not A Handle");
        assertTrue(fieldError("storeHandle").startsWith("A store handle is"), fieldError("storeHandle"));

        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE email = ?", email));
        assertEquals(0, count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", email));
    }

    /** The message shown at a field of the sign-up form. */
    private String fieldError(String field) {
        return browser.findElement(By.cssSelector("[id='signup:" + field + "'] ~ .ui-message-error")).getText().strip();
    }

    private boolean dbHasVerified(String email) throws Exception {
        return count("SELECT COUNT(*) FROM account WHERE email = ? AND email_verified_at IS NOT NULL", email) == 1;
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
