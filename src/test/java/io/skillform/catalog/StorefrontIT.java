package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.Deployments;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What a visitor sees: the storefront in Chromium, the error pages, and the server's readiness. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontIT {

    private static final List<String> DEMO_TITLES = List.of("The Indie Maker's Handbook",
            "Golden Hour Lightroom Presets", "Watercolor Basics: A Video Course", "Notion Weekly Planner",
            "Free Sampler Pack");

    private static ChromeDriver browser;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void theHomePageListsTheDemoProductsAndOpensAProductPage() {
        browser.get(url("/"));
        List<String> latest = browser.findElements(By.cssSelector(".sf-card-title")).stream()
                .map(WebElement::getText).toList();
        assertFalse(latest.isEmpty(), "the latest products are shown");
        assertFalse(latest.contains("Unreleased Course"), "a draft is never listed");
        assertEquals(Boolean.FALSE, browser.executeScript("return typeof PrimeFaces !== 'undefined'"),
                "the storefront is plain HTML: PrimeFaces' scripts are not loaded");
        browser.get(url("/login"));
        assertEquals(Boolean.TRUE, browser.executeScript("return typeof PrimeFaces !== 'undefined'"),
                "a page with PrimeFaces components loads its scripts (no ;jsessionid in resource URLs)");
        browser.get(url("/"));

        // Other tests publish products too, so the demo store's page (not the home page) lists all of its own.
        browser.get(url("/@demo"));
        List<String> titles = browser.findElements(By.cssSelector(".sf-card-title")).stream()
                .map(WebElement::getText).toList();
        assertTrue(titles.containsAll(DEMO_TITLES), "demo products shown, got " + titles);
        assertFalse(titles.contains("Unreleased Course"), "a draft is never listed");

        Browser.clickAndWait(browser, browser.findElement(By.xpath("//h3[text()=\"The Indie Maker's Handbook\"]/ancestor::a")));

        assertTrue(browser.getCurrentUrl().endsWith("/@demo/indie-makers-handbook"), browser.getCurrentUrl());
        assertEquals("The Indie Maker's Handbook", browser.findElement(By.cssSelector("h1")).getText());
        assertEquals("$19.00", browser.findElement(By.cssSelector(".sf-product-price")).getText());
        assertTrue(browser.findElement(By.cssSelector(".sf-product-store")).getText().contains("Demo Studio"));
        assertTrue(browser.getTitle().startsWith("The Indie Maker's Handbook"));
    }

    @Test
    void theStorePageListsItsProducts() {
        browser.get(url("/@demo"));
        assertEquals("Demo Studio", browser.findElement(By.cssSelector("h1")).getText());
        List<String> titles = browser.findElements(By.cssSelector(".sf-card-title")).stream()
                .map(WebElement::getText).toList();
        assertTrue(titles.containsAll(DEMO_TITLES), "store products shown, got " + titles);
        assertEquals("Free", browser.findElement(By.xpath(
                "//h3[text()='Free Sampler Pack']/following-sibling::p[@class='sf-card-price']")).getText());
    }

    @Test
    void anUnknownUrlShowsTheNotFoundPage() {
        browser.get(url("/no-such-page"));
        assertEquals("Page not found", browser.findElement(By.cssSelector("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".sf-header")).isDisplayed(), "the error page keeps the layout");
    }

    @Test
    void missingDraftAndMalformedProductsAnswer404WithoutLeakingInternals() throws Exception {
        for (String path : List.of("/no-such-page", "/missing.xhtml", "/@demo/no-such-product",
                "/@demo/unreleased-course", "/@nobody-here", "/@demo/Bad_Slug", "/@x/y/z")) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("Page not found"), path);
            assertFalse(response.body().matches("(?s).*(Exception: |Caused by|\\tat [a-z]|io\\.skillform\\.).*"),
                    "no stack trace on " + path);
        }
    }

    @Test
    void pagesCarryMetaTagsForSharing() throws Exception {
        String html = get("/@demo/watercolor-basics").body();
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Watercolor Basics: A Video Course\""), html);
        assertTrue(html.contains("<meta name=\"description\""));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"http://shop.example.test/@demo/watercolor-basics\""), html);
    }

    @Test
    void theServerIsReadyOnlyWithItsDatabaseCheck() throws Exception {
        String management = System.getProperty("skillform.it.managementUrl", "http://127.0.0.1:9990/");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(management + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.contains("\"name\":\"database\",\"status\":\"UP\""), body);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
