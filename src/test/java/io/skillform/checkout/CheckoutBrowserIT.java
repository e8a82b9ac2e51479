package io.skillform.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestDatabase;
import io.skillform.testing.TestAccounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in Chromium: product page → checkout → the dev gateway's hosted page → back on the order page, which
 * turns from "processing" to "paid" by itself once the (possibly duplicated) signed webhook has been applied.
 */
@RunAsClient
class CheckoutBrowserIT extends BrowserTest {

    private static final Duration WEBHOOK = Duration.ofSeconds(30);

    @Test
    void aGuestBuysADemoProductThroughTheDevGatewayAndSeesItPaid() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        browser.get(url("/@demo/golden-hour-presets"));
        Browser.clickAndWait(browser, browser.findElement(By.id("buy")));
        Pages.fill(browser, "checkout:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));

        assertTrue(browser.getCurrentUrl().contains("/dev-gateway/sessions/cs_dev_"), browser.getCurrentUrl());
        assertEquals("$12.00", browser.findElement(By.id("amount")).getText());
        String sessionUrl = browser.getCurrentUrl();

        // A second click on "Continue to payment" (here: the buyer came back and submitted again) reuses the session.
        browser.navigate().back();
        Pages.fill(browser, "checkout:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
        assertEquals(sessionUrl, browser.getCurrentUrl(), "the same pending order and PSP session");

        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        assertTrue(browser.getCurrentUrl().contains("/order?ref="), browser.getCurrentUrl());
        waitForStatus("paid");
        assertEquals("Paid — thank you!", browser.findElement(By.id("status")).getText());
        assertEquals("$12.00", browser.findElement(By.id("total")).getText());
        // The downloads right on the thank-you page, without waiting for the receipt.
        new WebDriverWait(browser, WEBHOOK).until(d -> !d.findElements(By.cssSelector("#files .sf-file-name")).isEmpty());
        assertEquals(List.of("golden-hour-presets.pdf"), browser.findElements(By.cssSelector("#files .sf-file-name")).stream()
                .map(WebElement::getText).toList());
        browser.findElement(By.cssSelector("#files input.sf-download")).click();
        new WebDriverWait(browser, WEBHOOK).until(d -> {
            try {
                return count("SELECT COUNT(*) FROM download_event e JOIN customer_order o ON o.id = e.order_id"
                        + " WHERE o.buyer_email = ?", email) == 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> orders = ordersOf(email);
        assertEquals(List.of("PAID"), orders, "one order, paid");
        assertEquals(1, count("SELECT COUNT(*) FROM order_transition t JOIN customer_order o ON o.id = t.order_id"
                + " WHERE o.buyer_email = ? AND t.to_status = 'PAID'", email), "paid exactly once");
    }

    @Test
    void aDeclinedCardCanBeRetriedOnTheSameSession() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        startCheckout("/@demo/notion-weekly-planner", email, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("decline")));
        assertEquals("Your card was declined. Try again, or leave without paying.", browser.findElement(By.id("notice")).getText());
        new WebDriverWait(browser, WEBHOOK).until(d -> ordersOf(email).equals(List.of("FAILED")));

        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        waitForStatus("paid");
        assertEquals(List.of("PAID"), ordersOf(email));
    }

    @Test
    void aBuyerWhoLeavesThePaymentPageIsToldNothingWasCharged() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        startCheckout("/@demo/watercolor-basics", email, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("abandon")));
        assertTrue(browser.getCurrentUrl().contains("cancelled=true"), browser.getCurrentUrl());
        // The gateway expires the abandoned session; its webhook moves the order, and the page follows.
        new WebDriverWait(browser, WEBHOOK).until(d -> ordersOf(email).equals(List.of("EXPIRED")));
        browser.navigate().refresh();
        assertEquals("You left the payment page before paying. Nothing was charged.", browser.findElement(By.id("status")).getText());
        assertEquals("Try again", browser.findElement(By.id("again")).getText());
        Browser.clickAndWait(browser, browser.findElement(By.id("back")));
        assertTrue(browser.getCurrentUrl().endsWith("/@demo/watercolor-basics"), browser.getCurrentUrl());
        browser.navigate().back();
        Browser.clickAndWait(browser, browser.findElement(By.id("again")));
        assertTrue(browser.getCurrentUrl().contains("/checkout?product="), browser.getCurrentUrl());
        assertEquals(1, browser.findElements(By.id("checkout:email")).size(), "a fresh checkout for the same product");
    }

    @Test
    void payWhatYouWantRefusesLessThanTheMinimumAndChargesTheChosenAmount() throws Exception {
        String slug = "pwyw-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, pricing, status,"
                        + " created_at, published_at) SELECT id, ?, 'Tip Jar Zine', 'Pay what you like.', 300, 'USD',"
                        + " 'PAY_WHAT_YOU_WANT', 'PUBLISHED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM store WHERE handle = 'demo'")) {
            insert.setString(1, slug);
            insert.executeUpdate();
        }
        String email = TestAccounts.uniqueEmail().value();
        startCheckout("/@demo/" + slug, email, "2.50");
        assertEquals("Pay at least $3.00.", browser.findElement(By.cssSelector(".sf-message-error")).getText());
        // Nor more than a price may be (the fees computed from it would overflow).
        Pages.fill(browser, "checkout:amount", "1000000000000000");
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
        assertEquals("Pay at most $999,999,999.99.", browser.findElement(By.cssSelector(".sf-message-error")).getText());
        assertEquals(List.of(), ordersOf(email), "nothing was ordered");

        Pages.fill(browser, "checkout:amount", "7.25");
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
        assertEquals("$7.25", browser.findElement(By.id("amount")).getText());
        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        waitForStatus("paid");
        assertEquals(725, count("SELECT amount_minor FROM customer_order WHERE buyer_email = ?", email));
    }

    @Test
    void aFreeProductCompletesWithoutAPaymentProvider() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        browser.get(url("/@demo/free-sampler"));
        assertEquals("Get it free", browser.findElement(By.id("buy")).getText());
        startCheckout("/@demo/free-sampler", email, null);
        assertTrue(browser.getCurrentUrl().contains("/order?ref="), browser.getCurrentUrl());
        assertEquals("paid", browser.findElement(By.id("status")).getAttribute("data-status"));
        String orderPage = browser.getCurrentUrl();

        // Submitted twice (back, then the button again): still one order, the same page.
        browser.navigate().back();
        Pages.fill(browser, "checkout:email", email);
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
        assertEquals(orderPage, browser.getCurrentUrl());
        assertEquals(1, count("SELECT COUNT(*) FROM customer_order WHERE buyer_email = ? AND gateway = 'NONE'"
                + " AND status = 'PAID' AND amount_minor = 0", email));
    }

    @Test
    void theCreatorRefundsPartOfAPaidOrderFromTheDashboard() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        startCheckout("/@demo/indie-makers-handbook", email, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        waitForStatus("paid");
        long orderId = count("SELECT id FROM customer_order WHERE buyer_email = ?", email);

        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/orders"));
        assertTrue(browser.findElement(By.id("table:list")).getText().contains(email), "the order is listed");
        browser.get(url("/dashboard/order?id=" + orderId));
        assertEquals("Paid", browser.findElement(By.id("status")).getText());
        assertEquals("19.00", browser.findElement(By.id("refund:amount")).getAttribute("value"), "refundable amount offered");

        Pages.fill(browser, "refund:amount", "25.00");
        browser.findElement(By.id("refund:submit")).click();
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, WEBHOOK).until(d -> !d.findElements(By.cssSelector(".sf-message-error")).isEmpty());
        assertEquals("At most $19.00 can still be refunded.", browser.findElement(By.cssSelector(".sf-message-error")).getText());

        Pages.fill(browser, "refund:amount", "4.00");
        browser.findElement(By.id("refund:submit")).click();
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, WEBHOOK).until(d -> d.findElement(By.id("status")).getText().equals("Partly refunded"));
        assertEquals("$4.00", browser.findElement(By.id("refunded")).getText());
        assertEquals("15.00", browser.findElement(By.id("refund:amount")).getAttribute("value"));
        assertEquals(400, count("SELECT refunded_minor FROM customer_order WHERE id = ?", String.valueOf(orderId)));
        assertEquals(1, count("SELECT COUNT(*) FROM refund WHERE order_id = ? AND status = 'SUCCEEDED'", String.valueOf(orderId)));
    }

    @Test
    void anotherCreatorCannotOpenTheOrder() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        startCheckout("/@demo/indie-makers-handbook", email, null);
        long orderId = count("SELECT id FROM customer_order WHERE buyer_email = ?", email);
        String handle = "o" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + handle + "@example.test";
        Pages.signUp(browser, url(""), other, TestAccounts.PASSWORD, handle);
        Pages.logIn(browser, url(""), other, TestAccounts.PASSWORD);
        browser.get(url("/dashboard/"));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/"), "signed in as a creator: " + browser.getCurrentUrl());
        browser.get(url("/dashboard/order?id=" + orderId));
        assertEquals("404", browser.findElement(By.cssSelector(".sf-error-code")).getText(), "as if the order did not exist");
        assertTrue(browser.findElements(By.id("refund:submit")).isEmpty());
    }

    private void startCheckout(String productPath, String email, String amount) {
        Pages.startCheckout(browser, url(productPath), email, amount);
    }

    private void waitForStatus(String status) {
        Pages.waitForOrderStatus(browser, status, WEBHOOK);
    }

    private static List<String> ordersOf(String email) {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT status FROM customer_order WHERE buyer_email = ? ORDER BY id")) {
            query.setString(1, email);
            List<String> statuses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        return TestDatabase.single(sql, parameter);
    }
}
