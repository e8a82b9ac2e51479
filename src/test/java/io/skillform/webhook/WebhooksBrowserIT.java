package io.skillform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A creator sets up a webhook in Chromium, received by an HTTP server in this test (the JDK's, on 127.0.0.1): the
 * secret is shown once, the test event arrives signed with it, the delivery log shows it, and "Send again" repeats it
 * with the same webhook-id.
 */
@RunAsClient
class WebhooksBrowserIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private HttpServer receiver;
    private final List<String[]> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aCreatorAddsAnEndpointSeesTheSecretOnceAndSendsATestEventAgain() throws Exception {
        String handle = "w" + UUID.randomUUID().toString().substring(0, 8);
        String creator = "hooks-" + handle + "@example.test";
        Pages.signUp(browser, url(""), creator, TestAccounts.PASSWORD, handle);
        Pages.logIn(browser, url(""), creator, TestAccounts.PASSWORD);
        browser.get(url("/dashboard/"));
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("a[href$='/dashboard/webhooks']")));
        assertEquals("No endpoints yet.", browser.findElement(By.className("sf-empty")).getText());

        // Nothing chosen: refused with a message, nothing added.
        String endpointUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Pages.fill(browser, "webhooks:url", endpointUrl);
        Browser.clickAndWait(browser, browser.findElement(By.id("webhooks:add")));
        assertTrue(browser.findElement(By.id("webhooks:messages")).getText().contains("Choose at least one event to send."));

        browser.findElement(By.cssSelector("input[value='order.paid']")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("webhooks:add")));
        String secret = browser.findElement(By.id("new-secret")).getText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(browser.findElement(By.id("webhooks:endpoints")).getText().contains(endpointUrl));

        browser.get(url("/dashboard/webhooks"));
        assertTrue(browser.findElements(By.id("new-secret")).isEmpty(), "the secret is shown once");

        Browser.clickAndWait(browser, browser.findElement(By.id("webhooks:endpoints:0:test")));
        new WebDriverWait(browser, PATIENCE).until(d -> !received.isEmpty());
        String[] first = received.get(0);
        assertEquals(ReceiverSignature.expected(secret, first[0], first[1], first[3]), first[2]);
        assertTrue(first[3].startsWith("{\"type\":\"webhook.test\""), first[3]);

        Browser.clickAndWait(browser, browser.findElement(By.id("webhooks:endpoints:0:log")));
        new WebDriverWait(browser, PATIENCE).until(d -> {
            Browser.clickAndWait(d, d.findElement(By.id("webhooks:endpoints:0:log")));
            return d.findElement(By.cssSelector(".delivery-state")).getText().equals("succeeded");
        });
        assertEquals("webhook.test", browser.findElement(By.cssSelector(".delivery-type")).getText());
        assertEquals("204", browser.findElement(By.cssSelector(".delivery-code")).getText());

        Browser.clickAndWait(browser, browser.findElement(By.id("webhooks:deliveries:0:again")));
        assertTrue(browser.findElement(By.id("webhooks:messages")).getText().contains("Delivery queued to be sent again."));
        new WebDriverWait(browser, PATIENCE).until(d -> received.size() == 2);
        assertEquals(first[0], received.get(1)[0], "the same event: the same webhook-id");
        new WebDriverWait(browser, PATIENCE).until(d -> {
            Browser.clickAndWait(d, d.findElement(By.id("webhooks:endpoints:0:log")));
            return d.findElement(By.cssSelector(".delivery-attempts")).getText().equals("2");
        });
    }

}
