package io.skillform.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestDatabase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A creator's earnings in Chromium, after a buyer paid through the dev gateway: the dashboard shows what the ledger
 * holds — the sale net of the platform fee, pending — and follows a partial refund; the CSV export has the lines.
 */
@RunAsClient
class EarningsBrowserIT extends BrowserTest {

    private static final Duration WEBHOOK = Duration.ofSeconds(30);

    @Test
    void theDashboardShowsThePendingEarningNetOfFeesAndFollowsARefund() throws Exception {
        String handle = "e" + UUID.randomUUID().toString().substring(0, 8);
        String creator = "earner-" + handle + "@example.test";
        Pages.signUp(browser, url(""), creator, TestAccounts.PASSWORD, handle);
        Pages.logIn(browser, url(""), creator, TestAccounts.PASSWORD);
        browser.get(url("/dashboard/earnings"));
        assertEquals("No sales yet: your earnings will show here after the first one.", browser.findElement(By.id("summary")).getText());

        long store = TestDatabase.single("SELECT id FROM store WHERE handle = ?", handle);
        TestDatabase.execute("INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, pricing, status,"
                + " created_at, published_at) VALUES (?, 'field-notes', 'Field Notes', 'Notes.', 2500, 'USD', 'FIXED', 'PUBLISHED',"
                + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", store);
        browser.manage().deleteAllCookies();
        String buyer = TestAccounts.uniqueEmail().value();
        Pages.startCheckout(browser, url("/@" + handle + "/field-notes"), buyer, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        Pages.waitForOrderStatus(browser, "paid", WEBHOOK);
        long order = TestDatabase.single("SELECT id FROM customer_order WHERE buyer_email = ?", buyer);

        // $25.00 less the platform fee (5 % + $0.30 = $1.55): $23.45 pending, as the ledger holds it.
        assertEquals(2345, creatorBalance(store, "CREATOR_PENDING"));
        Pages.logIn(browser, url(""), creator, TestAccounts.PASSWORD);
        browser.get(url("/dashboard/earnings"));
        assertEquals(List.of("$0.00", "$23.45", "$0.00", "$25.00", "$0.00", "$1.55", "$23.45", "1"), figures());
        String note = browser.findElement(By.cssSelector(".pending-note")).getText();
        assertTrue(note.startsWith("Sales become available 7 days after the sale; the next on "), note);
        assertEquals(List.of("Sale · order #" + order, "Pending", "+$23.45", "$23.45"), lineCells(0));
        assertFalse(browser.findElements(By.cssSelector("[id='chartForm:chart'] canvas")).isEmpty(), "the chart is drawn");
        assertTrue(browser.findElements(By.cssSelector("input.payout")).isEmpty(), "nothing available to pay out yet");

        String csv = fetch("/dashboard/earnings.csv");
        assertTrue(csv.startsWith("posted_at,transaction,memo,order_id,account,currency,amount,balance_after\r\n"), csv);
        assertTrue(csv.endsWith(",SALE,\"Sale, order #" + order + "\"," + order + ",CREATOR_PENDING,USD,23.45,23.45\r\n"), csv);
        assertEquals(2, csv.split("\r\n").length, csv);
        assertEquals("400 Dates are YYYY-MM-DD", fetchStatus("/dashboard/earnings.csv?from=2026-13-01"));

        browser.get(url("/dashboard/order?id=" + order));
        Pages.fill(browser, "refund:amount", "5.00");
        browser.findElement(By.id("refund:submit")).click();
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, WEBHOOK).until(d -> d.findElement(By.id("status")).getText().equals("Partly refunded"));

        // $5.00 back to the buyer: the platform returns ⌊$1.55 × 5/25⌋ = $0.31 of its fee, the creator $4.69.
        assertEquals(1876, creatorBalance(store, "CREATOR_PENDING"));
        browser.get(url("/dashboard/earnings"));
        assertEquals(List.of("$0.00", "$18.76", "$0.00", "$25.00", "$5.00", "$1.24", "$18.76", "1"), figures());
        assertEquals(List.of("Refund · order #" + order, "Pending", "−$4.69", "$18.76"), lineCells(0), "newest first");

        // A range without lines, and one that ends before it starts.
        setDate("lines:from", "2031-01-01");
        setDate("lines:to", "2031-01-31");
        Browser.clickAndWait(browser, browser.findElement(By.id("lines:filter")));
        assertEquals("No ledger lines in these dates.", browser.findElement(By.cssSelector("[id='lines:list'] tbody")).getText());
        setDate("lines:to", "2030-12-31");
        Browser.clickAndWait(browser, browser.findElement(By.id("lines:filter")));
        assertEquals("Choose a start date on or before the end date.", browser.findElement(By.cssSelector("#lines .sf-message-error")).getText());
    }

    @Test
    void theAdminSeesTheFeeRevenueAndRunsABalancedTrialBalance() throws Exception {
        Pages.logIn(browser, url(""), "admin@demo.skillform.test", "demo-admin-2026");
        browser.get(url("/admin/ledger"));
        Browser.clickAndWait(browser, browser.findElement(By.id("ledger:run")));
        assertEquals("Balanced", browser.findElement(By.cssSelector("#ledger .sf-message-info")).getText());
        assertEquals("Balanced", browser.findElement(By.cssSelector("[id='ledger:runs'] tbody tr .status")).getText());
        long feeRevenue = -TestDatabase.single("SELECT COALESCE(SUM(balance_minor), 0) FROM ledger_account WHERE store_id = 0"
                + " AND kind = 'FEE_REVENUE' AND currency = 'USD'");
        String shown = browser.findElements(By.cssSelector("[id='ledger:accounts'] tbody tr")).stream()
                .map(WebElement::getText).filter(row -> row.startsWith("SkillForm's fees USD")).findFirst().orElse("");
        assertEquals("SkillForm's fees USD $" + String.format("%,d.%02d", feeRevenue / 100, feeRevenue % 100), shown);
    }

    private static long creatorBalance(long store, String kind) throws SQLException {
        return -TestDatabase.single("SELECT COALESCE(SUM(balance_minor), 0) FROM ledger_account WHERE store_id = ? AND kind = ?", store, kind);
    }

    /** Available, pending, paid out, gross, refunds, fees, net, sales — as shown for USD. */
    private List<String> figures() {
        return browser.findElements(By.cssSelector("#earnings-USD dd")).stream().map(WebElement::getText).toList();
    }

    private List<String> lineCells(int row) {
        return browser.findElements(By.cssSelector("[id='lines:list'] tbody tr")).get(row).findElements(By.tagName("td")).stream()
                .skip(1).map(WebElement::getText).toList();
    }

    private void setDate(String id, String isoDate) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }

    /** The body as the server sent it (percent-encoded across the driver, which would rewrite CR LF line ends). */
    private String fetch(String path) {
        return URLDecoder.decode((String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text()).then(t => done(encodeURIComponent(t)))", url(path)), StandardCharsets.UTF_8);
    }

    private String fetchStatus(String path) {
        return (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + (t.match(/Dates are YYYY-MM-DD/) || [''])[0])))",
                url(path));
    }
}
