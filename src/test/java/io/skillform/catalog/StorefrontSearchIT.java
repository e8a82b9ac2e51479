package io.skillform.catalog;

import io.skillform.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A visitor searches the storefront in Chromium and pages through the results. */
@RunAsClient
class StorefrontSearchIT extends BrowserTest {

    @Test
    void aVisitorFindsPublishedProductsAndPagesThroughThem() throws Exception {
        // Letters only (the search matches words): a UUID's hex digits mapped onto a–p.
        String word = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).reduce("", String::concat);
        // 13 published products and one draft in a store of their own, all containing the word.
        try (Connection db = TestDatabase.connect();
             PreparedStatement store = db.prepareStatement("INSERT INTO store (handle, display_name, default_currency,"
                     + " created_at) VALUES (?, 'Search Fixtures', 'USD', UTC_TIMESTAMP(6))");
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, status,"
                             + " created_at, published_at) SELECT id, ?, ?, ?, 500, 'USD', ?, UTC_TIMESTAMP(6),"
                             + " UTC_TIMESTAMP(6) - INTERVAL ? MINUTE FROM store WHERE handle = ?")) {
            store.setString(1, word);
            store.executeUpdate();
            insert.setString(6, word);
            for (int i = 1; i <= 14; i++) {
                insert.setString(1, word + "-" + i);
                insert.setString(2, "Volume " + i);
                insert.setString(3, "Part of the " + word + " collection.");
                insert.setString(4, i == 14 ? "DRAFT" : "PUBLISHED");
                insert.setInt(5, i);
                insert.executeUpdate();
            }
        }

        browser.get(url("/"));
        // The header's search is a plain GET form: Enter submits it, no script needed.
        browser.findElement(By.id("site-search")).sendKeys(word.substring(0, 6) + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/search?q="));
        assertEquals(12, cards().size());
        assertEquals("Page 1 of 2", browser.findElement(By.id("page")).getText());
        assertTrue(browser.findElement(By.id("summary")).getText().startsWith("13 results"));

        Browser.clickAndWait(browser, browser.findElement(By.id("next")));
        List<String> last = cards();
        assertEquals(1, last.size());
        assertEquals("Page 2 of 2", browser.findElement(By.id("page")).getText());
        assertTrue(browser.findElements(By.id("next")).isEmpty());
        assertTrue(last.get(0).startsWith("Volume "), "no draft among them: " + last);

        browser.get(url("/search?q=" + word + "&page=99"));
        assertEquals("Page 2 of 2", browser.findElement(By.id("page")).getText(), "a page past the end shows the last");
        browser.get(url("/search?q=nothingmatchesthis"));
        assertTrue(browser.findElement(By.id("none")).getText().startsWith("Nothing matches"));
    }

    private List<String> cards() {
        return browser.findElements(By.cssSelector("#results .sf-card-title")).stream().map(WebElement::getText).toList();
    }
}
