package io.skillform.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.shared.OrderNumber;
import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin in Chromium on /admin/payments: an event the broker gave up on (it sits unprocessed, as after the
 * dead-letter queue) is listed with its error and processed by "Process again"; "Reconcile now" records a pass; a
 * payment that came after its order expired is accepted, and the order is paid, posted and delivered.
 */
@RunAsClient
class AdminPaymentsIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAdminProcessesADeadLetteredEventAgainAndReconciles() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        String eventId = "evt_stuck_" + UUID.randomUUID().toString().replace("-", "");
        long orderId;
        try (Connection db = db()) {
            orderId = pendingDevOrder(db, email);
            String payload = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"created\":1700000000,"
                    + "\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"cs_dev_stuck" + orderId + "\","
                    + "\"object\":\"checkout.session\",\"amount_total\":1200,\"currency\":\"usd\",\"payment_status\":\"paid\","
                    + "\"status\":\"complete\",\"payment_intent\":\"pi_dev_stuck" + orderId + "\","
                    + "\"metadata\":{\"order_id\":\"" + orderId + "\"}}}}";
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO payment_event (provider, event_id, type, payload,"
                    + " source, status, attempts, last_error, received_at) VALUES ('DEV', ?, 'checkout.session.completed', ?,"
                    + " 'WEBHOOK', 'RECEIVED', 6, 'SQLTransientConnectionException: database unavailable',"
                    + " UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE)")) {
                insert.setString(1, eventId);
                insert.setString(2, payload);
                insert.executeUpdate();
            }
        }

        Pages.logIn(browser, url(""), "admin@demo.skillform.test", "demo-admin-2026");
        browser.get(url("/admin/payments"));
        WebElement row = browser.findElements(By.cssSelector("[id='payments:stuck'] tbody tr")).stream()
                .filter(r -> r.getText().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("the stuck event is listed"));
        assertTrue(row.getText().contains("database unavailable"), row.getText());
        Browser.clickAndWait(browser, row.findElement(By.cssSelector("input[type=submit]")));
        assertEquals("Queued for processing again.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "PAID".equals(status(orderId)));
        browser.get(url("/admin/payments"));
        assertTrue(browser.findElements(By.id("payments:stuck")).isEmpty()
                || !browser.findElement(By.id("payments:stuck")).getText().contains(eventId), "no longer stuck");

        Browser.clickAndWait(browser, browser.findElement(By.id("payments:reconcile")));
        assertEquals("Reconciliation finished.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        assertTrue(browser.findElement(By.id("payments:runs")).getText().contains("checked"), "the pass is listed");
    }

    @Test
    void anAdminAcceptsAPaymentThatCameAfterTheOrderExpiredAndTheBuyerGetsTheFiles() throws Exception {
        long product = TestDatabase.single("SELECT p.id FROM product p JOIN store s ON s.id = p.store_id"
                + " WHERE s.handle = 'demo' AND p.slug = 'golden-hour-presets'");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/checkouts")))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":" + product + ",\"email\":\""
                        + TestAccounts.uniqueEmail().value() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject checkout = Json.createReader(new StringReader(created.body())).readObject();
        long orderId = TestDatabase.single("SELECT id FROM customer_order WHERE reference = ?", checkout.getString("order_id"));
        // Our side gives up on the order (as the expiry of unpaid orders does); the buyer still pays on the PSP's page.
        TestDatabase.execute("UPDATE customer_order SET status = 'EXPIRED', pending_key = NULL WHERE id = ?", orderId);
        String paymentUrl = checkout.getString("payment_url");
        assertEquals(302, HTTP.send(HttpRequest.newBuilder(URI.create(url(paymentUrl.substring(paymentUrl.indexOf("/dev-gateway/")) + "/pay")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> flaggedAsPaidLate(orderId));
        assertEquals(0, TestDatabase.single("SELECT COUNT(*) FROM download_grant WHERE order_id = ?", orderId), "nothing delivered yet");

        Pages.logIn(browser, url(""), "admin@demo.skillform.test", "demo-admin-2026");
        browser.get(url("/admin/payments"));
        WebElement row = browser.findElements(By.cssSelector("[id='payments:flagged'] tbody tr")).stream()
                .filter(r -> r.getText().startsWith(OrderNumber.of(checkout.getString("order_id")) + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("the order is listed as flagged"));
        assertTrue(row.getText().contains("Paid at the PSP after the order had expired here"), row.getText());
        Browser.clickAndWait(browser, row.findElement(By.cssSelector("input[type=submit]")));
        assertEquals("Order " + OrderNumber.of(checkout.getString("order_id")) + " is paid: the buyer gets the receipt and downloads, the creator the earnings.",
                browser.findElement(By.cssSelector(".sf-message-info")).getText());
        assertEquals("PAID", status(orderId));
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM ledger_transaction WHERE idempotency_key = ?", "order:" + orderId + ":capture"));
        assertTrue(TestDatabase.single("SELECT COUNT(*) FROM download_grant WHERE order_id = ?", orderId) > 0, "delivered");
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM order_receipt WHERE order_id = ?", orderId), "the receipt is sent");
        assertTrue(browser.findElements(By.cssSelector("[id='payments:flagged'] tbody tr")).stream()
                .noneMatch(r -> r.getText().startsWith("#" + orderId + " ")), "no longer flagged");
    }

    private static boolean flaggedAsPaidLate(long orderId) {
        try {
            return TestDatabase.single("SELECT COUNT(*) FROM customer_order WHERE id = ? AND paid_after_expiry_at IS NOT NULL", orderId) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pendingDevOrder(Connection db, String email) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO customer_order (reference, store_id, buyer_email,"
                + " status, amount_minor, currency, gateway, pending_key, created_at, updated_at)"
                + " SELECT ?, id, ?, 'PENDING', 1200, 'USD', 'DEV', SHA2(?, 256), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
                + " FROM store WHERE handle = 'demo'", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString().replace("-", "").substring(0, 22));
            insert.setString(2, email);
            insert.setString(3, email);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String status(long orderId) {
        try (Connection db = db(); PreparedStatement query = db.prepareStatement("SELECT status FROM customer_order WHERE id = ?")) {
            query.setLong(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection db() throws SQLException {
        return TestDatabase.connect();
    }
}
