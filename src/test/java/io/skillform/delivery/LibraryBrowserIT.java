package io.skillform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.shared.OrderNumber;
import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.DevMail;
import io.skillform.testing.Eventually;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The buyer's library in Chromium: a guest buys a demo product (which has a sample file) through the dev gateway; the
 * receipt arrives; a one-time link by e-mail opens the guest's library; after signing up with the same address and
 * verifying it, the purchase is in the account's library, where "Download" issues a fresh link. A buyer who used up a
 * purchase's downloads gets more when the creator allows them on the order's page.
 */
@RunAsClient
class LibraryBrowserIT extends BrowserTest {

    private static final Duration WEBHOOK = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aGuestPurchaseOpensByMagicLinkAndJoinsTheAccountOnceTheAddressIsVerified() throws Exception {
        String buyer = TestAccounts.uniqueEmail().value();
        Pages.startCheckout(browser, url("/@demo/golden-hour-presets"), buyer, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        Pages.waitForOrderStatus(browser, "paid", WEBHOOK);
        long order = TestDatabase.single("SELECT id FROM customer_order WHERE buyer_email = ?", buyer);
        String number = OrderNumber.of(TestDatabase.text("SELECT reference FROM customer_order WHERE id = ?", order));
        JsonObject receipt = DevMail.newest(url(""), buyer, "Your receipt from Demo Studio — order " + number)
                .orElseThrow(() -> new AssertionError("the receipt arrives"));
        assertTrue(receipt.getString("text").contains("golden-hour-presets.pdf"), receipt.getString("text"));

        // A stranger's address and the buyer's get the same answer; only the buyer gets a mail.
        browser.manage().deleteAllCookies();
        String stranger = TestAccounts.uniqueEmail().value();
        assertEquals("If there are purchases for " + stranger + ", a link to open them is on its way. It works once, for 30 minutes.",
                askForLibraryLink(stranger));
        assertEquals("If there are purchases for " + buyer + ", a link to open them is on its way. It works once, for 30 minutes.",
                askForLibraryLink(buyer));
        JsonObject linkMail = DevMail.newest(url(""), buyer, "Your library link").orElseThrow(() -> new AssertionError("library link"));
        String open = DevMail.linkPath(linkMail, "/library/open");
        browser.get(url(open));
        assertEquals("Press the button to open the purchases made with your e-mail address. The link in your mail works once,"
                + " for 30 minutes.", browser.findElement(By.id("hint")).getText());
        Browser.clickAndWait(browser, browser.findElement(By.id("open:submit")));
        assertEquals("Purchases made with " + buyer + ".", browser.findElement(By.id("guest")).getText());
        assertEquals(List.of("Golden Hour Lightroom Presets"), titles());
        assertEquals(1, browser.findElements(By.cssSelector("[data-order='" + order + "'] .sf-file")).size());
        assertTrue(browser.findElement(By.cssSelector("[data-order='" + order + "']")).getText().contains("order " + number),
                "the library quotes the receipt's order number");

        browser.manage().deleteAllCookies();
        browser.get(url(open));
        Browser.clickAndWait(browser, browser.findElement(By.id("open:submit")));
        assertTrue(browser.findElement(By.cssSelector(".sf-message-error")).getText().contains("used already"), "one use only");
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM download_grant WHERE buyer_email = ? AND buyer_account_id IS NOT NULL", buyer));

        // Signing up with the address is not enough: the purchase joins the account once the address is verified.
        Pages.signUp(browser, url(""), buyer, TestAccounts.PASSWORD, null);
        Pages.logIn(browser, url(""), buyer, TestAccounts.PASSWORD);
        browser.get(url("/library/"));
        assertEquals("Products you buy appear here, with their downloads.", browser.findElement(By.id("empty")).getText());
        JsonObject verify = DevMail.newest(url(""), buyer, "Confirm your e-mail address for SkillForm")
                .orElseThrow(() -> new AssertionError("verification mail"));
        assertTrue(Pages.confirmEmail(browser, url(DevMail.linkPath(verify, "/verify"))).startsWith("Thank you"));
        browser.get(url("/library/"));
        assertEquals(List.of("Golden Hour Lightroom Presets"), titles());
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM download_grant g JOIN account a ON a.id = g.buyer_account_id"
                + " WHERE g.buyer_email = ? AND a.email = ?", buyer, buyer));

        // "Download" issues a library link for the file and sends the browser to it.
        long grant = TestDatabase.single("SELECT id FROM download_grant WHERE buyer_email = ?", buyer);
        WebElement download = browser.findElement(By.cssSelector("[data-grant='" + grant + "'] .sf-download"));
        download.click();
        assertEquals(1, waitForLibraryLink(grant));
        browser.get(url("/library/"));
        String state = browser.findElement(By.cssSelector("[data-grant='" + grant + "'] .sf-file-state")).getText();
        assertTrue(state.matches("[45] downloads left · your latest link works until .+"), state);
    }

    @Test
    void theCreatorAllowsABuyerMoreDownloadsOnTheOrdersPage() throws Exception {
        String buyer = TestAccounts.uniqueEmail().value();
        Pages.startCheckout(browser, url("/@demo/free-sampler"), buyer, null);
        Pages.waitForOrderStatus(browser, "paid", WEBHOOK);
        long order = TestDatabase.single("SELECT id FROM customer_order WHERE buyer_email = ?", buyer);
        String number = OrderNumber.of(TestDatabase.text("SELECT reference FROM customer_order WHERE id = ?", order));
        JsonObject receipt = DevMail.newest(url(""), buyer, "Your receipt from Demo Studio — order " + number)
                .orElseThrow(() -> new AssertionError("the receipt arrives"));
        Matcher page = Pattern.compile("/file\\?t=([A-Za-z0-9_-]{43})").matcher(receipt.getString("text"));
        assertTrue(page.find(), receipt.getString("text"));
        String download = url("/download/" + page.group(1));
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, status(download), "download " + i + " of the demo policy's 5");
        }
        assertEquals(410, status(download), "used up");

        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/order?id=" + order));
        long grant = TestDatabase.single("SELECT id FROM download_grant WHERE order_id = ?", order);
        assertEquals("5 of 5 downloads used", allowance(grant).findElement(By.cssSelector(".sf-downloads-used")).getText());

        allow(grant, "0");
        assertEquals("Allow between 1 and 100 more downloads at a time.", browser.findElement(By.cssSelector(".sf-message-error")).getText());
        allow(grant, "2");
        assertEquals("2 more downloads allowed: 7 in all for this file.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        assertEquals("5 of 7 downloads used", allowance(grant).findElement(By.cssSelector(".sf-downloads-used")).getText());
        assertEquals(2, TestDatabase.single("SELECT extra_downloads FROM download_grant WHERE id = ?", grant));

        // The buyer's link works again, twice; who allowed it is in the audit trail.
        assertEquals(200, status(download));
        assertEquals(200, status(download));
        assertEquals(410, status(download));
        assertEquals(1L, Eventually.within(WEBHOOK, () -> Optional.of(auditedRaises(order)).filter(n -> n > 0)).orElse(0L).longValue());
    }

    private WebElement allowance(long grant) {
        return browser.findElement(By.cssSelector(".sf-allowance[data-grant='" + grant + "']"));
    }

    private void allow(long grant, String more) {
        WebElement form = allowance(grant);
        WebElement field = form.findElement(By.cssSelector("input[type='text']"));
        field.clear();
        field.sendKeys(more);
        Browser.clickAndWait(browser, form.findElement(By.cssSelector("input[type='submit']")));
    }

    private static long auditedRaises(long order) {
        try {
            return TestDatabase.single("SELECT COUNT(*) FROM audit_event WHERE action = 'download.allowance-raised' AND subject = ?"
                    + " AND actor = (SELECT CONCAT('account:', id) FROM account WHERE email = 'creator@demo.skillform.test')", "order:" + order);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long waitForLibraryLink(long grant) throws Exception {
        long deadline = System.nanoTime() + WEBHOOK.toNanos();
        long links;
        do {
            links = TestDatabase.single("SELECT COUNT(*) FROM download_link WHERE grant_id = ? AND issued_for = 'LIBRARY'", grant);
            Thread.sleep(links == 0 ? 200 : 0);
        } while (links == 0 && System.nanoTime() < deadline);
        return links;
    }

    private String askForLibraryLink(String email) {
        browser.get(url("/library/"));
        Pages.fill(browser, "guest:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("guest:send")));
        return browser.findElement(By.cssSelector(".sf-message-info")).getText();
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector(".sf-purchase-title")).stream().map(WebElement::getText).toList();
    }
}
