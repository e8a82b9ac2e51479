package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A creator makes the store their own: the store's page says what they wrote and links their site; a product gets
 * an address from its title when none is given, and moving it keeps the old address working for buyers who have it.
 */
@RunAsClient
class CreatorStorefrontIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theStoreProfileShowsOnTheStorePageAndRefusesLinksThatAreNotWebAddresses() throws Exception {
        String handle = "prof" + UUID.randomUUID().toString().substring(0, 8);
        Pages.signUp(browser, url(""), handle + "@creators.example.test", TestAccounts.PASSWORD, handle);
        Pages.logIn(browser, url(""), handle + "@creators.example.test", TestAccounts.PASSWORD);
        browser.get(url("/dashboard/store"));
        assertTrue(browser.findElement(By.id("store:saleMails")).isSelected(), "a mail per sale unless turned off");

        Pages.fill(browser, "store:description", "> Patterns for **slow** knitting.");
        Pages.fill(browser, "store:links", "knit.example.com\njavascript:alert(1)");
        Browser.clickAndWait(browser, browser.findElement(By.id("store:save")));
        assertEquals("Enter web addresses like https://example.com, one per line (at most 300 characters each): javascript:alert(1)",
                browser.findElement(By.cssSelector("[id='store:links'] ~ .ui-message")).getText().strip());

        Pages.fill(browser, "store:links", "knit.example.com\nhttps://news.example.org/knitting");
        browser.findElement(By.id("store:saleMails")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("store:save")));
        assertEquals(url("/dashboard/store"), browser.getCurrentUrl());
        assertEquals("Saved: your store's page shows it now.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        assertEquals("https://knit.example.com\nhttps://news.example.org/knitting",
                browser.findElement(By.id("store:links")).getAttribute("value"));
        assertTrue(!browser.findElement(By.id("store:saleMails")).isSelected(), "turned off, and it stays so");
        Path avatar = image(Color.BLUE, 300, 300);
        assertEquals("Updated (" + avatar.getFileName() + "): your store's page shows it now.",
                Pages.upload(browser, "avatar", avatar, Duration.ofSeconds(30)));
        Path banner = image(Color.GREEN, 1600, 400);
        assertEquals("Updated (" + banner.getFileName() + "): your store's page shows it now.",
                Pages.upload(browser, "banner", banner, Duration.ofSeconds(30)));

        browser.manage().deleteAllCookies();
        browser.get(url("/@" + handle));
        assertEquals("slow", browser.findElement(By.cssSelector("#about blockquote strong")).getText());
        assertEquals(List.of("knit.example.com", "news.example.org"), browser.findElements(By.cssSelector("#links a")).stream()
                .map(e -> e.getText()).toList());
        assertEquals("nofollow ugc noopener", browser.findElement(By.cssSelector("#links a")).getAttribute("rel"));
        for (String image : List.of("avatar", "banner")) {
            String src = browser.findElement(By.id(image)).getAttribute("src");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(src)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode(), image);
        }
    }

    private static Path image(Color color, int width, int height) throws IOException {
        Path image = Files.createTempFile("image-", ".png");
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = pixels.createGraphics();
        paint.setColor(color);
        paint.fillRect(0, 0, width, height);
        paint.dispose();
        ImageIO.write(pixels, "png", image.toFile());
        return image;
    }

    @Test
    void aProductsAddressComesFromItsTitleAndItsOldAddressLeadsToTheNewOne() throws Exception {
        String word = new Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        Pages.fill(browser, "create:title", "Crème Brûlée — " + word + "!");
        Pages.fill(browser, "create:price", "9.00");
        Browser.clickAndWait(browser, browser.findElement(By.id("create:submit")));
        String editor = browser.getCurrentUrl();
        assertEquals("creme-brulee-" + word, browser.findElement(By.id("editor:slug")).getAttribute("value"));

        Path file = Files.writeString(Files.createTempFile("recipe-", ".txt"), "Cream, sugar, eggs.");
        Pages.upload(browser, "files", file, Duration.ofSeconds(30));
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:publish")));

        Pages.fill(browser, "editor:slug", "Not an address");
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:save")));
        assertTrue(browser.findElement(By.cssSelector("[id='editor:slug'] ~ .ui-message")).getText().startsWith("An address is"));

        Pages.fill(browser, "editor:slug", "brulee-" + word);
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:save")));
        assertEquals(editor, browser.getCurrentUrl());
        assertEquals(url("/@demo/brulee-" + word), browser.findElement(By.id("view")).getAttribute("href"));

        HttpResponse<Void> old = HTTP.send(HttpRequest.newBuilder(URI.create(url("/@demo/creme-brulee-" + word))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(301, old.statusCode(), "the old address has moved for good");
        assertEquals("/@demo/brulee-" + word, old.headers().firstValue("Location").orElse(""));
        browser.get(url("/@demo/creme-brulee-" + word));
        assertEquals("Crème Brûlée — " + word + "!", browser.findElement(By.tagName("h1")).getText());

        // A new product may take the old address: then it is that product's, and the redirect ends.
        browser.get(url("/dashboard/products"));
        Pages.fill(browser, "create:title", "Another " + word);
        Pages.fill(browser, "create:slug", "creme-brulee-" + word);
        Pages.fill(browser, "create:price", "4.00");
        Browser.clickAndWait(browser, browser.findElement(By.id("create:submit")));
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(url("/@demo/creme-brulee-" + word))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "a draft now, not the moved product");
    }

    @Test
    void aCreatorPreviewsADraftSeesWhatBuyersGetAndDuplicatesAProduct() throws Exception {
        String slug = "zine-" + UUID.randomUUID().toString().substring(0, 8);
        String editor = Pages.newDraft(browser, url(""), "Riso Zine", slug);
        Path pages = Files.writeString(Files.createTempFile("riso-", ".pdf"), "%PDF-1.4\n" + "x".repeat(2000) + "\n%%EOF\n");
        Pages.upload(browser, "files", pages, Duration.ofSeconds(30));
        for (Color color : List.of(Color.ORANGE, Color.PINK)) {
            Path image = image(color, 400, 300);
            assertEquals("Added " + image.getFileName() + " to the images.", Pages.upload(browser, "gallery", image, Duration.ofSeconds(30)));
        }
        List<String> gallery = imageSources("#images img");
        assertEquals(2, gallery.size());

        Browser.clickAndWait(browser, browser.findElement(By.id("preview")));
        assertEquals(gallery, imageSources("#gallery img"), "the product page shows the gallery in the creator's order");
        assertEquals("Preview: only you see this page until you publish the product.", browser.findElement(By.id("preview")).getText());
        assertTrue(browser.findElements(By.id("buy")).isEmpty(), "nothing to buy yet");
        assertEquals("1 file, 2 KiB in all", browser.findElement(By.id("included")).getText());
        assertEquals(pages.getFileName().toString(), browser.findElement(By.cssSelector(".sf-product-included .sf-file-name")).getText());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(url("/@demo/" + slug))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "nobody else sees the draft");

        browser.get(editor);
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:duplicate")));
        assertTrue(browser.getCurrentUrl().contains("/dashboard/product?id=") && !browser.getCurrentUrl().equals(editor),
                browser.getCurrentUrl());
        assertEquals("Riso Zine (copy)", browser.findElement(By.tagName("h1")).getText());
        assertEquals("riso-zine-copy", browser.findElement(By.id("editor:slug")).getAttribute("value").replaceAll("-\\d+$", ""));
        assertEquals("Draft", browser.findElement(By.id("status")).getText());
        assertEquals(pages.getFileName().toString(), browser.findElement(By.cssSelector("[id='files:list'] .sf-file-name")).getText());
        assertTrue(browser.findElement(By.cssSelector(".sf-message-info")).getText().startsWith("A draft copy of Riso Zine"));
        List<String> copied = imageSources("#images img");
        assertEquals(2, copied.size(), "the gallery is copied");
        assertTrue(copied.stream().noneMatch(gallery::contains), "with bytes of its own: " + copied);

        Browser.clickConfirmAndWait(browser, browser.findElement(By.cssSelector("#images input[type=submit]")));
        assertEquals(List.of(copied.get(1)), imageSources("#images img"));
        assertEquals(List.of("Image removed."), browser.findElements(By.cssSelector("[id='gallery:messages'] li")).stream()
                .map(e -> e.getText().strip()).toList());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(copied.get(0))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode(), "a removed image's bytes are gone");
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(gallery.get(0))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode(), "the original's are not");
    }

    private List<String> imageSources(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("src")).toList();
    }
}
