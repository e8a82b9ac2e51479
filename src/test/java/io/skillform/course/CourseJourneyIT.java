package io.skillform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.OpenApiContract;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A course from building to taking it: the creator builds two modules with a free preview, a lesson that waits for the
 * one before and one that drips, publishes; a visitor opens the preview and nothing else; a buyer pays on the dev
 * gateway, is enrolled, completes lessons, comes back to where they stopped; a refund ends the enrolment.
 */
@RunAsClient
class CourseJourneyIT extends BrowserTest {

    private static final Duration WEBHOOK = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aCreatorBuildsACourseAVisitorPreviewsItABuyerTakesItAndARefundEndsIt() throws Exception {
        String word = "c" + UUID.randomUUID().toString().substring(0, 8);
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        Pages.fill(browser, "create:title", "Typography " + word);
        Pages.fill(browser, "create:price", "15.00");
        browser.findElement(By.cssSelector("input[name='create:type'][value='COURSE']")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("create:submit")));
        String editor = browser.getCurrentUrl();
        long productId = Long.parseLong(editor.substring(editor.indexOf("id=") + 3));
        assertTrue(browser.findElements(By.id("files:upload_input")).isEmpty(), "a course has lessons, not files");

        Browser.clickAndWait(browser, browser.findElement(By.id("curriculum")));
        addModule("Basics");
        addLesson(0, "Later lesson");
        addLesson(0, "Welcome");
        addLesson(0, "Kerning");
        // Dragged into place: "Welcome" first, then "Kerning", then "Later lesson".
        drag(lessonRow(0, "Welcome"), lessonRow(0, "Later lesson"));
        afterAjax().until(d -> lessonTitles(0).get(0).equals("Welcome"));
        drag(lessonRow(0, "Kerning"), lessonRow(0, "Later lesson"));
        afterAjax().until(d -> lessonTitles(0).equals(List.of("Welcome", "Kerning", "Later lesson")));
        browser.navigate().refresh();
        assertEquals(List.of("Welcome", "Kerning", "Later lesson"), lessonTitles(0), "the order is stored");
        addModule("Practice");

        editLesson("Welcome", "Type is **the voice** of a page. (" + word + " preview)", lesson -> {
            browser.findElement(By.id("settings:preview")).click();
        });
        editLesson("Kerning", "Kerning is the space between two letters. (" + word + " members only)", lesson -> {
            browser.findElement(By.cssSelector("input[name='settings:prerequisite'][value='PREVIOUS']")).click();
        });
        editLesson("Later lesson", "A week later: set a paragraph. (" + word + " dripped)", lesson -> {
            browser.findElement(By.cssSelector("input[name='settings:drip'][value='DAYS']")).click();
            Pages.fill(browser, "settings:dripDays", "7");
            new Select(browser.findElement(By.id("settings:module"))).selectByVisibleText("Practice");
        });
        assertEquals(List.of("Welcome", "Kerning"), lessonTitles(0));
        assertEquals(List.of("Later lesson"), lessonTitles(1), "moved to the other module");

        Browser.clickAndWait(browser, browser.findElement(By.id("course:publish")));
        assertEquals("Published: learners take the course as it is now.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        browser.get(editor);
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:publish")));
        assertEquals("Published", browser.findElement(By.id("status")).getText());
        String productPage = browser.findElement(By.id("view")).getAttribute("href");
        long welcome = lessonId(productId, "Welcome");
        long kerning = lessonId(productId, "Kerning");

        // A visitor: the curriculum on the product page, the preview open, the rest refused on the server.
        browser.manage().deleteAllCookies();
        browser.get(productPage);
        assertEquals(List.of("Welcome", "Kerning", "Later lesson"), browser.findElements(By.cssSelector("#curriculum .sf-lesson-item"))
                .stream().map(e -> e.getText().split("\n")[0].replace("Free preview", "").strip()).toList());
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Welcome")));
        assertTrue(browser.findElement(By.cssSelector(".sf-block-text")).getText().contains(word + " preview"));
        assertEquals("the voice", browser.findElement(By.cssSelector(".sf-block-text strong")).getText());
        String locked = HTTP.send(HttpRequest.newBuilder(URI.create(url("/learn/" + productId + "/" + kerning))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(locked.contains("For the course's learners") && !locked.contains(word + " members only"),
                "a locked lesson's content never reaches the page");

        // The headless API says it is a course and gives its outline, never a lesson's content; checked against the OpenAPI document.
        HttpRequest apiRequest = HttpRequest.newBuilder(URI.create(url("/api/v1/stores/demo/products/" + productId))).build();
        HttpResponse<String> api = HTTP.send(apiRequest, HttpResponse.BodyHandlers.ofString());
        OpenApiContract.check(apiRequest, api);
        JsonObject detail = Json.createReader(new StringReader(api.body())).readObject();
        assertEquals("course", detail.getString("type"));
        assertEquals(List.of("Basics", "Practice"), detail.getJsonArray("curriculum").stream()
                .map(m -> m.asJsonObject().getString("title")).toList());
        assertTrue(detail.getJsonArray("curriculum").getJsonObject(0).getJsonArray("lessons").getJsonObject(0).getBoolean("free_preview"));
        assertFalse(api.body().contains(word + " members only") || api.body().contains(word + " preview"), api.body());

        // A buyer: pays, is enrolled, takes the course.
        String buyer = TestAccounts.uniqueEmail().value();
        Pages.signUp(browser, url(""), buyer, TestAccounts.PASSWORD, null);
        Pages.logIn(browser, url(""), buyer, TestAccounts.PASSWORD);
        Pages.startCheckout(browser, productPage, buyer, null);
        Browser.clickAndWait(browser, browser.findElement(By.id("pay")));
        Pages.waitForOrderStatus(browser, "paid", WEBHOOK);
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM enrolment WHERE product_id = ? AND learner_email = ? AND ended_at IS NULL",
                productId, buyer), "enrolled once, with the payment");

        browser.get(url("/library/"));
        WebElement entry = browser.findElement(By.cssSelector("[data-course='" + productId + "']"));
        assertTrue(entry.getText().contains("0 of 3 lessons completed"), entry.getText());
        Browser.clickAndWait(browser, entry.findElement(By.linkText("Start the course")));
        assertEquals("Welcome", browser.findElement(By.cssSelector("#lesson h1")).getText());
        assertEquals("LOCKED", lessonState(kerning), "waits for Welcome");
        Browser.clickAndWait(browser, browser.findElement(By.id("player:complete")));
        assertEquals("Kerning", browser.findElement(By.cssSelector("#lesson h1")).getText(), "on to the next lesson");
        assertEquals("“Welcome” completed.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        assertEquals("DONE", lessonState(welcome));
        assertTrue(browser.findElement(By.cssSelector(".sf-block-text")).getText().contains(word + " members only"));
        Browser.clickAndWait(browser, browser.findElement(By.id("player:complete")));
        // The next lesson drips: it says when it opens, and shows nothing of itself.
        assertEquals("Later lesson", browser.findElement(By.cssSelector("#lesson h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("#locked p")).getText().startsWith("Opens "),
                browser.findElement(By.cssSelector("#locked p")).getText());
        assertFalse(browser.getPageSource().contains(word + " dripped"), "a dripped lesson's content is not on the page");
        assertTrue(browser.findElements(By.id("player:complete")).isEmpty(), "nothing to complete yet");
        assertEquals("2 of 3 lessons completed", browser.findElement(By.id("progress")).getText());
        // Completing again changes nothing: one completion per lesson.
        Browser.clickAndWait(browser, browser.findElement(By.id("previous")));
        assertEquals("Continue", browser.findElement(By.id("player:complete")).getAttribute("value"));
        Browser.clickAndWait(browser, browser.findElement(By.id("player:complete")));
        assertEquals(2, TestDatabase.single("SELECT COUNT(*) FROM lesson_progress p JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.product_id = ? AND e.learner_email = ? AND p.completed_at IS NOT NULL", productId, buyer));

        browser.get(url("/library/"));
        Browser.clickAndWait(browser, browser.findElement(By.cssSelector("[data-course='" + productId + "'] a.sf-button")));
        assertEquals("Kerning", browser.findElement(By.cssSelector("#lesson h1")).getText(), "back where the learner stopped");

        // The creator refunds the order in full: the course is no longer the buyer's.
        long order = TestDatabase.single("SELECT id FROM customer_order WHERE buyer_email = ? AND status = 'PAID'", buyer);
        ChromeDriver creator = Browser.open();
        try {
            Pages.logIn(creator, url(""), "creator@demo.skillform.test", "demo-creator-2026");
            creator.get(url("/dashboard/order?id=" + order));
            Browser.clickConfirmAndWait(creator, creator.findElement(By.id("refund:submit")));
            new WebDriverWait(creator, WEBHOOK).until(d -> d.findElement(By.id("status")).getText().equals("Refunded"));
        } finally {
            creator.quit();
        }
        assertEquals(1, TestDatabase.single("SELECT COUNT(*) FROM enrolment WHERE order_id = ? AND ended_at IS NOT NULL", order));
        browser.get(url("/learn/" + productId + "/" + kerning));
        assertTrue(browser.findElements(By.cssSelector(".sf-block-text")).isEmpty(), "no lesson content after the refund");
        assertEquals("For the course's learners", browser.findElement(By.cssSelector("#locked p")).getText());
        browser.get(url("/library/"));
        assertTrue(browser.findElement(By.cssSelector("[data-course='" + productId + "']")).getText()
                .contains("This course was refunded: it is no longer open to you."));
    }

    /** The form is re-rendered by ajax after a drag: its old rows go stale. */
    private FluentWait<WebDriver> afterAjax() {
        // Stale, or Chromium's "node does not belong to the document" while the table is being replaced.
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .ignoring(IndexOutOfBoundsException.class)
                .withMessage(() -> "on " + browser.getCurrentUrl() + ": " + browser.getPageSource().substring(0,
                        Math.min(3000, browser.getPageSource().length())));
    }

    private void addModule(String title) {
        Pages.fill(browser, "course:newModule", title);
        Browser.clickAndWait(browser, browser.findElement(By.id("course:addModule")));
    }

    private void addLesson(int module, String title) {
        WebElement section = browser.findElements(By.cssSelector(".sf-module")).get(module);
        WebElement input = section.findElement(By.cssSelector("input[id$=':newLesson']"));
        input.clear();
        input.sendKeys(title);
        Browser.clickAndWait(browser, section.findElement(By.cssSelector("input[id$=':addLesson']")));
    }

    private List<String> lessonTitles(int module) {
        return browser.findElements(By.cssSelector(".sf-module")).get(module).findElements(By.cssSelector(".sf-lesson-link")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement lessonRow(int module, String title) {
        return browser.findElements(By.cssSelector(".sf-module")).get(module)
                .findElement(By.xpath(".//tr[.//a[normalize-space()='" + title + "']]"));
    }

    /** Drags a row by its handle (not its link, which the browser would drag as a link) onto another row's upper half. */
    private void drag(WebElement row, WebElement onto) {
        new Actions(browser).clickAndHold(row.findElement(By.cssSelector(".sf-drag"))).moveByOffset(0, 5)
                .moveToElement(onto.findElement(By.cssSelector(".sf-drag"))).moveByOffset(0, -onto.getSize().getHeight() / 3)
                .pause(Duration.ofMillis(200)).release().perform();
        // The rows move in the page at once; the move is stored, and the form re-rendered, by the ajax request after it.
        afterAjax().until(d -> (Boolean) browser.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
    }

    /** Opens the lesson from the course page, adds a text block, applies the settings, saves, and returns to the course. */
    private void editLesson(String title, String markdown, Consumer<String> settings) {
        Browser.clickAndWait(browser, browser.findElement(By.linkText(title)));
        new Select(browser.findElement(By.id("newBlock:type"))).selectByValue("text");
        Browser.clickAndWait(browser, browser.findElement(By.id("newBlock:choose")));
        assertTrue(browser.getCurrentUrl().contains("add=text"), browser.getCurrentUrl() + " " + browser.findElement(By.tagName("main")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("#newBlock textarea")).size(),
                browser.findElement(By.id("newBlock")).getAttribute("outerHTML"));
        browser.findElement(By.cssSelector("#newBlock textarea")).sendKeys(markdown);
        Browser.clickAndWait(browser, browser.findElement(By.id("newBlock:add")));
        assertEquals("Block added.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        settings.accept(title);
        Browser.clickAndWait(browser, browser.findElement(By.id("settings:save")));
        assertEquals(List.of("Saved."), browser.findElements(By.cssSelector(".sf-messages li")).stream().map(WebElement::getText).toList(),
                title + ": " + browser.findElements(By.cssSelector(".sf-message-error")).stream().map(WebElement::getText).toList());
        Browser.clickAndWait(browser, browser.findElement(By.id("back")));
    }

    private static long lessonId(long productId, String title) throws Exception {
        return TestDatabase.single("SELECT l.id FROM course_lesson l JOIN course_module m ON m.id = l.module_id"
                + " WHERE m.product_id = ? AND l.title = ?", productId, title);
    }

    private String lessonState(long lessonId) {
        return browser.findElement(By.cssSelector(".sf-curriculum [data-lesson='" + lessonId + "']")).getAttribute("data-state");
    }
}
