package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A creator's product pages in Chromium, and another creator kept out of them. */
@RunAsClient
class CreatorProductsIT extends BrowserTest {

    private void click(String id) {
        Browser.clickAndWait(browser, browser.findElement(By.id(id)));
    }

    @Test
    void aCreatorPublishesAProductAndAnotherCreatorCannotOpenIt() {
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        String slug = "guide-" + UUID.randomUUID().toString().substring(0, 6);
        Pages.fill(browser, "create:title", "Field Guide to Pricing");
        Pages.fill(browser, "create:slug", slug);
        Pages.fill(browser, "create:price", "12.505");
        click("create:submit");
        assertEquals("USD amounts have at most 2 decimals", browser.findElement(By.cssSelector(".sf-message-error")).getText());

        Pages.fill(browser, "create:price", "12.50");
        click("create:submit");
        assertTrue(browser.getCurrentUrl().contains("/dashboard/product?id="), browser.getCurrentUrl());
        String editUrl = browser.getCurrentUrl();
        assertEquals("DRAFT", browser.findElement(By.id("status")).getText());
        browser.get(url("/@demo/" + slug));
        assertEquals("Page not found", browser.findElement(By.cssSelector("h1")).getText(), "a draft is not public");

        browser.get(editUrl);
        Pages.fill(browser, "editor:description", "How to price a digital product.");
        click("editor:save");
        click("editor:publish");
        assertEquals("PUBLISHED", browser.findElement(By.id("status")).getText());
        browser.get(url("/@demo/" + slug));
        assertEquals("Field Guide to Pricing", browser.findElement(By.cssSelector("h1")).getText());
        assertEquals("$12.50", browser.findElement(By.cssSelector(".sf-product-price")).getText());

        Browser.clickAndWait(browser, browser.findElement(By.id("account-menu:logout")));
        String other = "other-" + UUID.randomUUID() + "@example.test";
        Pages.signUp(browser, url(""), other, "another long passphrase", "o" + UUID.randomUUID().toString().substring(0, 8));
        Pages.logIn(browser, url(""), other, "another long passphrase");
        browser.get(editUrl);
        assertEquals("Page not found", browser.findElement(By.cssSelector("h1")).getText());
        browser.get(url("/dashboard/product?id=not-a-number"));
        assertEquals("Page not found", browser.findElement(By.cssSelector("h1")).getText());
        assertTrue(browser.findElements(By.id("editor:save")).isEmpty());
        browser.get(url("/dashboard/products"));
        List<String> titles = browser.findElements(By.cssSelector("#list a")).stream().map(WebElement::getText).toList();
        assertTrue(titles.isEmpty(), "another creator's list is their own: " + titles);
    }
}
