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
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
    /** The demo course's video: 12 seconds of VP8 in WebM, with cues (seekable). */
    private static final Path VIDEO = Path.of("src/main/resources/io/skillform/course/demo/visual-hierarchy.webm").toAbsolutePath();

    private String videoSource;

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
            addFileBlock("video", VIDEO, "Watch the pairs");
            assertTrue(browser.findElement(By.cssSelector(".sf-block[data-type='video'] .sf-file-current")).getText()
                    .startsWith("Uploaded: visual-hierarchy.webm ("), "the editor says which video the block plays");
            addFileBlock("file", worksheet(word), "The pairs to practise");
            browser.findElement(By.cssSelector("input[name='settings:prerequisite'][value='PREVIOUS']")).click();
        });
        editLesson("Later lesson", "A week later: set a paragraph. (" + word + " dripped)", lesson -> {
            browser.findElement(By.cssSelector("input[name='settings:drip'][value='DAYS']")).click();
            Pages.fill(browser, "settings:dripDays", "7");
            browser.findElement(By.id("settings:required")).click(); // optional: the course completes without it
            new Select(browser.findElement(By.id("settings:module"))).selectByVisibleText("Practice");
        });
        assertEquals(List.of("Welcome", "Kerning"), lessonTitles(0));
        assertEquals(List.of("Later lesson"), lessonTitles(1), "moved to the other module");

        browser.findElement(By.cssSelector("input[name='course:completion'][value='REQUIRED']")).click();
        browser.findElement(By.id("course:certificate")).click();
        Browser.clickAndWait(browser, browser.findElement(By.id("course:saveSettings")));
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
        watchTheVideo(buyer, kerning);
        downloadTheFile(buyer, productId, kerning);
        learnerApi(buyer, productId, kerning, lessonId(productId, "Later lesson"));
        assertEquals("Continue", browser.findElement(By.id("player:complete")).getAttribute("value"), "completed by watching");
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
        String certificate = getTheCertificate(word);

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
        browser.get(url("/certificates/" + certificate));
        assertEquals("This certificate was withdrawn: the purchase of the course was refunded or disputed.",
                browser.findElement(By.id("verdict")).getText());
        assertEquals(410, HTTP.send(HttpRequest.newBuilder(URI.create(url("/certificates/" + certificate + ".pdf"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(videoSource)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode(), "the video's address stops working with the refund, however long it had to live");
    }

    /** On the lesson editor: a new block of a file type, its file chosen in the form, saved. */
    private void addFileBlock(String type, Path file, String caption) {
        new Select(browser.findElement(By.id("newBlock:type"))).selectByValue(type);
        Browser.clickAndWait(browser, browser.findElement(By.id("newBlock:choose")));
        browser.findElement(By.cssSelector("#newBlock input[type='file']")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#newBlock input[id$=':line']")).sendKeys(caption);
        Browser.clickAndWait(browser, browser.findElement(By.id("newBlock:add")));
        assertEquals("Block added.", browser.findElement(By.cssSelector(".sf-message-info")).getText(),
                browser.findElements(By.cssSelector(".sf-message-error")).stream().map(WebElement::getText).toList().toString());
    }

    private static Path worksheet(String word) {
        try {
            Path file = Files.createTempFile("kerning-pairs-", ".txt");
            Files.writeString(file, "AV, To, Wa — " + word);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The video plays from its signed address, seeks (the server answers ranges), resumes where the learner paused, and
     * completes the lesson once 90% of it has been played.
     */
    private void watchTheVideo(String buyer, long lessonId) throws Exception {
        WebElement video = browser.findElement(By.cssSelector("video[data-sf-video]"));
        videoSource = video.getAttribute("src").replace("http://shop.example.test", url(""));
        HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(videoSource)).header("Range", "bytes=1000-1999").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + Files.size(VIDEO), part.headers().firstValue("Content-Range").orElse(""));
        assertEquals(List.of(Files.readAllBytes(VIDEO)[1000], Files.readAllBytes(VIDEO)[1999]), List.of(part.body()[0], part.body()[999]));
        String forged = videoSource.replaceFirst("&s=[^&]+", "&s=AAAA");
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(forged)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());

        // Seek to 8.5 s and pause there: the position is saved, and the next visit resumes it.
        Object seeked = browser.executeAsyncScript("const done = arguments[0]; const v = document.querySelector('video[data-sf-video]');"
                + " v.muted = true; const go = () => { v.onseeked = () => { v.pause(); done(v.currentTime); }; v.currentTime = 8.5; };"
                + " v.readyState >= 1 ? go() : v.addEventListener('loadedmetadata', go);");
        assertEquals(8.5, ((Number) seeked).doubleValue(), 0.01);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> position(buyer, lessonId) == 8);
        browser.navigate().refresh();
        Object resumed = browser.executeAsyncScript("const done = arguments[0]; const v = document.querySelector('video[data-sf-video]');"
                + " const look = () => setTimeout(() => done(v.currentTime), 300);"
                + " v.readyState >= 1 ? look() : v.addEventListener('loadedmetadata', look);");
        assertEquals(8.0, ((Number) resumed).doubleValue(), 0.01, "resumed where the learner paused");
        assertTrue(completedAt(buyer, lessonId).isEmpty(), "seeking is not watching");

        // Played from the start, fast: at 90% played the lesson is completed.
        browser.executeScript("const v = document.querySelector('video[data-sf-video]'); v.muted = true; v.currentTime = 0;"
                + " v.playbackRate = 8; v.play();");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !completedAt(buyer, lessonId).isEmpty());
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> "Continue".equals(d.findElement(By.id("player:complete")).getAttribute("value")));
    }

    private static long count(String sql, Object... parameters) {
        try {
            return TestDatabase.single(sql, parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long position(String buyer, long lessonId) {
        return count("SELECT COALESCE(MAX(p.position_seconds), -1) FROM lesson_progress p JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.learner_email = ? AND p.lesson_id = ?", buyer, lessonId);
    }

    private static String completedAt(String buyer, long lessonId) {
        try {
            return TestDatabase.text("SELECT COALESCE(MAX(p.completed_at), '') FROM lesson_progress p JOIN enrolment e ON e.id = p.enrolment_id"
                    + " WHERE e.learner_email = ? AND p.lesson_id = ?", buyer, lessonId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file block's Download issues a link from the buyer's grant of it: counted like every download. */
    private void downloadTheFile(String buyer, long productId, long lessonId) throws Exception {
        assertTrue(browser.findElement(By.cssSelector(".sf-block-file")).getText().startsWith("kerning-pairs-"),
                browser.findElement(By.cssSelector(".sf-block-file")).getText());
        String grant = "SELECT g.id FROM download_grant g JOIN product_file f ON f.id = g.product_file_id"
                + " WHERE g.buyer_email = ? AND f.product_id = ? AND f.file_name LIKE 'kerning-pairs-%'";
        long grantId = TestDatabase.single(grant, buyer, productId);
        // The answer is the file itself (an attachment): the page stays; the link was issued from the buyer's grant.
        browser.findElement(By.cssSelector(".sf-block-file input[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> count("SELECT COUNT(*) FROM download_link WHERE grant_id = ?", grantId) == 1);
        browser.get(url("/library/"));
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("kerning-pairs-"),
                "a course's files are downloaded from their lessons, not listed in the library");
        browser.get(url("/learn/" + productId + "/" + lessonId));
    }

    /** The learner API with the signed-in browser's session, each answer checked against the OpenAPI document. */
    private void learnerApi(String buyer, long productId, long lessonId, long drippedLessonId) throws Exception {
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        JsonObject course = api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/courses/" + productId))).header("Cookie", cookie), 200);
        assertTrue(course.getBoolean("enrolled"));
        JsonObject first = course.getJsonArray("modules").getJsonObject(0);
        assertEquals("done", first.getJsonArray("lessons").getJsonObject(0).getString("state"));
        JsonObject later = course.getJsonArray("modules").getJsonObject(1).getJsonArray("lessons").getJsonObject(0);
        assertEquals("locked", later.getString("state"));
        assertTrue(later.containsKey("opens_at"), later.toString());

        JsonObject lesson = api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + lessonId))).header("Cookie", cookie), 200);
        List<String> types = lesson.getJsonArray("blocks").stream().map(b -> b.asJsonObject().getString("type")).toList();
        assertEquals(List.of("text", "video", "file"), types);
        String media = lesson.getJsonArray("blocks").getJsonObject(1).getJsonObject("content").getJsonObject("video").getString("url");
        assertTrue(media.startsWith("http://shop.example.test/lesson-media/"), media);
        long fileId = lesson.getJsonArray("blocks").getJsonObject(2).getJsonObject("content").getJsonObject("file").getJsonNumber("file_id")
                .longValue();

        JsonObject locked = api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + drippedLessonId))).header("Cookie", cookie), 403);
        assertEquals("locked", locked.getString("reason"));
        assertTrue(locked.getString("detail").startsWith("This lesson opens at "), locked.toString());
        api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + drippedLessonId + "/files/" + fileId + "/links")))
                .header("Cookie", cookie).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 403);

        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + lessonId + "/progress")))
                .header("Cookie", cookie).header("Content-Type", "application/json");
        JsonObject progress = api(put.copy().PUT(HttpRequest.BodyPublishers.ofString("{\"position_seconds\": 3}")), 200);
        assertEquals(3, progress.getInt("position_seconds"));
        api(put.copy().PUT(HttpRequest.BodyPublishers.ofString("{\"completed\": false}")), 400);
        api(put.copy().PUT(HttpRequest.BodyPublishers.ofString("{\"position_seconds\": -1}")), 400);
        api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + lessonId + "/progress"))).header("Cookie", cookie)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"position_seconds\": 4}")), 415);
        api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + lessonId))), 401);

        JsonObject link = api(HttpRequest.newBuilder(URI.create(url("/api/v1/library/lessons/" + lessonId + "/files/" + fileId + "/links")))
                .header("Cookie", cookie).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 201);
        String used = "SELECT downloads_used FROM download_grant WHERE product_file_id = ? AND buyer_email = ?";
        long before = count(used, fileId, buyer);
        HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.getString("url").replace("http://shop.example.test", url(""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode());
        assertTrue(file.body().startsWith("AV, To, Wa"), file.body());
        assertEquals(before + 1, count(used, fileId, buyer), "counted against the buyer's grant, as every download is");
    }

    private static JsonObject api(HttpRequest.Builder request, int status) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), built.method() + " " + built.uri() + ": " + response.body());
        OpenApiContract.check(built, response);
        return response.body().isEmpty() ? Json.createObjectBuilder().build() : Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Once the course is completed: the learner names their certificate; the PDF says it, and its public page confirms it. */
    private String getTheCertificate(String word) throws Exception {
        assertEquals("You have completed this course.", browser.findElement(By.id("course-completed")).getText());
        Pages.fill(browser, "certificate:name", "Zoë Ångström-" + word);
        Browser.clickAndWait(browser, browser.findElement(By.id("certificate:get")));
        assertEquals("Your certificate is ready.", browser.findElement(By.cssSelector(".sf-message-info")).getText());
        String page = browser.findElement(By.id("certificate-page")).getAttribute("href");
        String id = page.substring(page.lastIndexOf('/') + 1);
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(url("/certificates/" + id + ".pdf"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Zoë Ångström-" + word) && text.contains("Typography " + word) && text.contains(id), text);
        }
        ChromeDriver anyone = Browser.open(390, 844);
        try {
            anyone.get(url("/certificates/" + id));
            assertEquals("This certificate is genuine.", anyone.findElement(By.id("verdict")).getText());
            assertEquals("Zoë Ångström-" + word, anyone.findElement(By.id("learner")).getText());
            assertEquals("Typography " + word, anyone.findElement(By.id("course")).getText());
        } finally {
            anyone.quit();
        }
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(url("/certificates/AAAA-BBBB-CCCC"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        return id;
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
