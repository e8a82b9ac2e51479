package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A creator's product pages in Chromium, and another creator kept out of them. */
@RunAsClient
class CreatorProductsIT extends BrowserTest {

    private void click(String id) {
        Browser.clickAndWait(browser, browser.findElement(By.id(id)));
    }

    @Test
    void aCreatorPublishesAProductAndAnotherCreatorCannotOpenIt() throws Exception {
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        String slug = "guide-" + UUID.randomUUID().toString().substring(0, 6);
        Pages.fill(browser, "create:title", "Field Guide to Pricing");
        Pages.fill(browser, "create:slug", slug);
        Pages.fill(browser, "create:price", "12.505");
        click("create:submit");
        assertEquals("USD amounts have at most 2 decimals", browser.findElement(By.cssSelector(".ui-message-error")).getText(),
                "shown next to the price field");

        Pages.fill(browser, "create:price", "12.50");
        click("create:submit");
        assertTrue(browser.getCurrentUrl().contains("/dashboard/product?id="), browser.getCurrentUrl());
        String editUrl = browser.getCurrentUrl();
        assertEquals("Draft", browser.findElement(By.id("status")).getText());
        browser.get(url("/@demo/" + slug));
        assertEquals("Preview: only you see this page until you publish the product.", browser.findElement(By.id("preview")).getText());
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/@demo/" + slug))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "a draft is not public");

        browser.get(editUrl);
        click("editor:publish");
        assertEquals("Add at least one file before publishing: buyers must get something",
                browser.findElement(By.cssSelector(".sf-message-error")).getText());
        Path pdf = Files.writeString(Files.createTempFile("pricing-", ".pdf"), "%PDF-1.4\n%%EOF\n");
        assertEquals("Added " + pdf.getFileName() + ".", Pages.upload(browser, "files", pdf, Duration.ofSeconds(30)));
        assertEquals("application/pdf", browser.findElement(By.cssSelector("[id='files:list'] tbody td:nth-child(3)")).getText());
        Path cover = Files.createTempFile("cover-", ".png");
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", cover.toFile());
        assertEquals("Cover updated.", Pages.upload(browser, "cover", cover, Duration.ofSeconds(30)));

        // What a creator writes is shown as formatting, never run: the page must not execute any of it.
        Pages.fill(browser, "editor:description", "**How** to price.\n\n<script>window.pwned = 1</script>\n\n"
                + "<img src=x onerror=\"window.pwned = 2\">\n\n[click me](javascript:window.pwned=3)");
        click("editor:save");
        click("editor:publish");
        assertEquals("Published", browser.findElement(By.id("status")).getText());
        browser.get(url("/@demo/" + slug));
        assertEquals("Field Guide to Pricing", browser.findElement(By.cssSelector("h1")).getText());
        assertEquals("$12.50", browser.findElement(By.cssSelector(".sf-product-price")).getText());
        assertEquals("How", browser.findElement(By.cssSelector("#description strong")).getText());
        assertTrue(browser.findElement(By.id("description")).getText().contains("<script>window.pwned = 1</script>"),
                "the script is shown as text");
        browser.findElement(By.linkText("click me")).click();
        assertEquals(null, browser.executeScript("return window.pwned"), "nothing the creator wrote ran");
        assertTrue(browser.findElements(By.cssSelector("#description script, #description img")).isEmpty());
        String coverUrl = browser.findElement(By.cssSelector("img.sf-product-cover")).getAttribute("src");
        assertTrue(coverUrl.matches(".*/covers/[0-9a-f]{32}"), coverUrl);

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
        List<String> titles = browser.findElements(By.cssSelector("[id='table:list'] tbody a")).stream().map(WebElement::getText).toList();
        assertTrue(titles.isEmpty(), "another creator's list is their own: " + titles);
    }

    @Test
    void theProductTableSortsInTheDatabase() {
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        By titleHeader = By.xpath("//th[.//span[text()='Title']]");
        browser.findElement(titleHeader).click(); // ascending
        waitForAjax();
        browser.findElement(titleHeader).click(); // descending
        waitForAjax();
        waitForFirstRow("Watercolor Basics: A Video Course");
        assertEquals("Unreleased Course", browser.findElements(By.cssSelector("[id='table:list'] tbody tr td:first-child a"))
                .get(1).getText(), "drafts are listed for their creator");
    }

    private void waitForAjax() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                Boolean.TRUE.equals(browser.executeScript("return PrimeFaces.ajax.Queue.isEmpty()")));
    }

    private void waitForFirstRow(String title) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> title.equals(
                d.findElement(By.cssSelector("[id='table:list'] tbody tr:first-child td:first-child a")).getText()));
    }
}
