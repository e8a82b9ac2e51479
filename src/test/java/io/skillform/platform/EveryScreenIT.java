package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.ClientTest;
import io.skillform.testing.Pages;
import io.skillform.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Each journey — visitor, buyer, creator, admin — on a phone (360 px) and a desktop (1440 px): every page fits the
 * screen without sideways scrolling, the header offers what the account may open and nothing else, and no page shows
 * framework wording ("Validation Error") or a raw state name, and every button has the site's shape (PrimeFaces' theme
 * restyles plain inputs on its pages). Each page's screenshot is written to
 * {@code target/screenshots/} for a reviewer to look at.
 */
@RunAsClient
class EveryScreenIT extends ClientTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    /**
     * A state or role as the code names it: PUBLISHED, partially_refunded, [CUSTOMER, CREATOR]. Not a webhook event's
     * dotted name (order.partially_refunded): that is the API's, which creators subscribe to by that very name.
     */
    private static final Pattern RAW_NAME = Pattern.compile("(?<![.\\w])(?:[A-Z]{3,}(?:_[A-Z]+)+|[a-z]+_[a-z]+|PUBLISHED|DRAFT|ARCHIVED|CUSTOMER|CREATOR|ADMIN|PENDING|ACTIVE|DISABLED)\\b");


    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1440})
    void aVisitorBrowsesAndStartsACheckout(int width) {
        ChromeDriver browser = Browser.open(width, 900);
        try {
            List<String> problems = new ArrayList<>();
            for (String path : List.of("/", "/@demo", "/@demo/indie-makers-handbook", "/search?q=handbook", "/login", "/signup",
                    "/forgot", "/@demo/design-critique-101", "/learn/" + demoCourse())) {
                look(browser, width, "visitor", path, problems);
            }
            browser.get(url("/@demo/indie-makers-handbook"));
            browser.get(browser.findElement(By.id("buy")).getAttribute("href"));
            look(browser, width, "visitor", "checkout", problems);
            assertEquals(List.of(), problems);
            assertHeader(browser, width, List.of("Log in", "Sell on SkillForm"), List.of("Dashboard", "Admin", "Library"));

            // An empty log-in: one message for each field, in plain words.
            browser.get(url("/login"));
            Browser.clickAndWait(browser, browser.findElement(By.id("login:submit")));
            String text = browser.findElement(By.tagName("main")).getText();
            assertFalse(text.contains("Validation Error"), text);
            List<String> messages = browser.findElements(By.cssSelector("main .sf-messages li, main .ui-message")).stream()
                    .map(m -> m.getText().strip()).toList();
            assertEquals(List.of("Please enter your e-mail address.", "Please enter your password."), messages,
                    "one message for each empty field, none twice");
            assertEquals("Please enter your e-mail address.",
                    browser.findElement(By.cssSelector("[id='login:email'] ~ .ui-message")).getText().strip(), "at its field");
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1440})
    void aBuyerOpensTheLibraryAndAccount(int width) {
        ChromeDriver browser = journey(width, "buyer", "buyer@demo.skillform.test", "demo-buyer-2026",
                List.of("/library/", "/account/"), List.of("Library"), List.of("Dashboard", "Admin", "Log in"));
        try {
            // A creator's page is refused, and the refusal says how to start selling.
            browser.get(url("/dashboard/"));
            assertEquals("Not allowed", browser.findElement(By.tagName("h1")).getText());
            Browser.clickAndWait(browser, browser.findElement(By.id("start-selling-link")));
            assertTrue(browser.getCurrentUrl().endsWith("/account/#sell"), browser.getCurrentUrl());
            assertTrue(browser.findElement(By.id("sell")).isDisplayed(), "the account page offers to start selling");
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1440})
    void aCreatorWorksInTheDashboard(int width) {
        ChromeDriver browser = journey(width, "creator", "creator@demo.skillform.test", "demo-creator-2026",
                List.of("/dashboard/", "/dashboard/store", "/dashboard/products", "/dashboard/orders", "/dashboard/earnings",
                        "/dashboard/tokens", "/dashboard/webhooks", "/library/", "/dashboard/course?id=" + demoCourse(),
                        "/dashboard/lesson?id=" + demoLesson(), "/dashboard/learners?id=" + demoCourse(), "/learn/" + demoCourse()),
                List.of("Dashboard", "Library"), List.of("Admin", "Log in"));
        try {
            // The product editor, opened from the list as the creator does.
            browser.get(url("/dashboard/products"));
            browser.get(browser.findElement(By.cssSelector("a[href*='/dashboard/product?id=']")).getAttribute("href"));
            List<String> problems = new ArrayList<>();
            look(browser, width, "creator", "editor", problems);
            assertEquals(List.of(), problems);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1440})
    void anAdminLooksAfterThePlatform(int width) {
        journey(width, "admin", "admin@demo.skillform.test", "demo-admin-2026",
                List.of("/admin/", "/admin/payments", "/admin/ledger", "/admin/mail"),
                List.of("Admin"), List.of("Dashboard", "Log in")).quit();
    }

    /** The demo store's course (built at start) and its first lesson. */
    private static long demoCourse() {
        try {
            return TestDatabase.single("SELECT id FROM product WHERE slug = 'design-critique-101'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long demoLesson() {
        try {
            return TestDatabase.single("SELECT MIN(l.id) FROM course_lesson l JOIN course_module m ON m.id = l.module_id"
                    + " WHERE m.product_id = ?", demoCourse());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in and walks the pages; the browser stays open for more (the caller quits it), unless a check fails. */
    private ChromeDriver journey(int width, String who, String email, String password, List<String> paths,
            List<String> offered, List<String> notOffered) {
        ChromeDriver browser = Browser.open(width, 900);
        try {
            Pages.logIn(browser, url(""), email, password);
            List<String> problems = new ArrayList<>();
            for (String path : paths) {
                look(browser, width, who, path, problems);
            }
            assertEquals(List.of(), problems);
            assertHeader(browser, width, offered, notOffered);
            return browser;
        } catch (RuntimeException | Error e) {
            browser.quit();
            throw e;
        }
    }

    /** Opens the page (a path, or the page the browser is on) and records what is wrong with it; writes its screenshot. */
    private void look(ChromeDriver browser, int width, String who, String path, List<String> problems) {
        if (path.startsWith("/")) {
            browser.get(url(path));
        }
        String where = who + " " + path + " at " + width + " px";
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        if (scrollWidth > innerWidth) {
            problems.add(where + ": " + scrollWidth + " px wide in a " + innerWidth + " px window; widest: "
                    + browser.executeScript("""
                            let w = null; for (const e of document.body.querySelectorAll('*')) {
                              const r = e.getBoundingClientRect();
                              if (r.right > window.innerWidth + 1 && (!w || r.width < w.getBoundingClientRect().width)) w = e; }
                            return w ? w.tagName + '.' + w.className + ' ' + Math.round(w.getBoundingClientRect().right) : 'none'"""));
        }
        String text = browser.findElement(By.tagName("body")).getText();
        if (text.contains("Validation Error")) {
            problems.add(where + ": shows \"Validation Error\"");
        }
        String main = browser.findElement(By.tagName("main")).getText();
        Matcher raw = RAW_NAME.matcher(main);
        if (raw.find()) {
            problems.add(where + ": shows the raw name \"" + raw.group() + "\"");
        }
        Object unstyled = browser.executeScript("return [...document.querySelectorAll('main input[type=submit], main button')]"
                + ".filter(b => b.offsetParent !== null && parseFloat(getComputedStyle(b).borderTopLeftRadius) < 12)"
                + ".map(b => b.value || b.textContent.trim()).join(', ')");
        if (!String.valueOf(unstyled).isEmpty()) {
            problems.add(where + ": buttons without the site's style: " + unstyled);
        }
        if (text.contains("Internal Server Error") || browser.getTitle().contains("Error")) {
            problems.add(where + ": an error page (" + browser.getTitle() + ")");
        }
        String page = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        screenshot(browser, who + "-" + width + "-" + (page.isEmpty() ? "home" : page));
    }

    /** The header's links, after opening the menu on a phone. */
    private static void assertHeader(ChromeDriver browser, int width, List<String> offered, List<String> notOffered) {
        if (width < 800) {
            assertFalse(browser.findElement(By.cssSelector(".sf-nav")).isDisplayed(), "on a phone the links are folded");
            browser.findElement(By.cssSelector(".sf-menu-button")).click();
        }
        assertTrue(browser.findElement(By.cssSelector(".sf-nav")).isDisplayed(), "the header's links show");
        List<String> links = browser.findElements(By.cssSelector(".sf-nav a, .sf-nav input[type=submit]")).stream()
                .map(e -> e.getTagName().equals("input") ? e.getAttribute("value") : e.getText()).map(String::strip).toList();
        for (String link : offered) {
            assertTrue(links.contains(link), link + " offered, header: " + links);
        }
        for (String link : notOffered) {
            assertFalse(links.contains(link), link + " not offered, header: " + links);
        }
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scrollWidth <= width, "the open menu fits: " + scrollWidth + " px");
    }

    private static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SHOTS);
            Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
