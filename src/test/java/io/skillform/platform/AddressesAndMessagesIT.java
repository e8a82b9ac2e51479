package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.BrowserTest;
import io.skillform.testing.DevMail;
import io.skillform.testing.Pages;
import io.skillform.testing.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page's address survives a reload, a bookmark and a copy — after a form was sent too — and each message shows
 * once, next to what it is about, and goes once resolved.
 */
@RunAsClient
class AddressesAndMessagesIT extends BrowserTest {

    @Test
    void everyPageAnswersAReloadOfItsOwnAddress() {
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/", "/@demo", "/@demo/indie-makers-handbook", "/search?q=handbook", "/login",
                "/signup?sell=true", "/forgot", "/library/", "/checkout?product=" + demoProductId())) {
            reload(path, problems);
        }
        Pages.logIn(browser, url(""), "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(url("/dashboard/products"));
        String editor = browser.findElement(By.cssSelector("a[href*='/dashboard/product?id=']")).getAttribute("href");
        for (String path : List.of("/dashboard/", "/dashboard/products", editor.substring(url("").length()), "/dashboard/orders",
                "/dashboard/earnings", "/dashboard/tokens", "/dashboard/webhooks", "/library/", "/account/")) {
            reload(path, problems);
        }
        assertEquals(List.of(), problems);
    }

    private void reload(String path, List<String> problems) {
        browser.get(url(path));
        String address = browser.getCurrentUrl();
        String heading = browser.findElement(By.tagName("h1")).getText();
        browser.navigate().refresh();
        if (!browser.getCurrentUrl().equals(address) || !browser.findElement(By.tagName("h1")).getText().equals(heading)) {
            problems.add(path + ": reloaded " + address + " (" + heading + ") became " + browser.getCurrentUrl() + " ("
                    + browser.findElement(By.tagName("h1")).getText() + ")");
        }
    }

    @Test
    void theProductEditorKeepsItsAddressAndShowsEachMessageOnceWhereItBelongs() throws Exception {
        String editor = Pages.newDraft(browser, url(""), "Address Keeper", "keeper-" + UUID.randomUUID().toString().substring(0, 8));
        assertTrue(editor.contains("/dashboard/product?id="), editor);

        Pages.fill(browser, "editor:title", "Address Keeper, second edition");
        Browser.clickAndWait(browser, browser.findElement(By.id("editor:save")));
        assertEquals(editor, browser.getCurrentUrl(), "saved, still at the product's address");
        assertEquals(List.of("Saved."), shownMessages());
        browser.navigate().refresh();
        assertEquals(List.of(), shownMessages(), "a reload neither posts again nor repeats the message");
        assertEquals("Address Keeper, second edition", browser.findElement(By.tagName("h1")).getText());

        Browser.clickAndWait(browser, browser.findElement(By.id("editor:publish")));
        assertEquals(List.of("Add at least one file before publishing: buyers must get something"), shownMessages(),
                "once, not in every panel");
        assertEquals(editor, browser.getCurrentUrl(), "a refused publish stays at the product's address");
        Path pdf = Files.writeString(Files.createTempFile("keeper-", ".pdf"), "%PDF-1.4\n%%EOF\n");
        assertEquals("Added " + pdf.getFileName() + ".", Pages.upload(browser, "files", pdf, Duration.ofSeconds(30)));
        assertEquals(List.of("Added " + pdf.getFileName() + "."), shownMessages(),
                "the upload's message in the files panel, and the stale error gone");
        assertEquals(1, browser.findElements(By.cssSelector("[id='files:messages'] li")).size());

        Browser.clickAndWait(browser, browser.findElement(By.id("editor:publish")));
        assertEquals(editor, browser.getCurrentUrl());
        assertEquals(List.of("Published: buyers can see it now."), shownMessages());
        assertEquals("Published", browser.findElement(By.id("status")).getText());
    }

    @Test
    void aRefusedCheckoutStaysAtItsAddressWithTheMessageAtTheField() {
        String checkout = url("/checkout?product=" + demoProductId());
        browser.get(checkout);
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
        assertEquals(checkout, browser.getCurrentUrl());
        assertEquals(List.of("Enter your e-mail address: your purchase is sent there."), shownMessages());
        browser.navigate().refresh();
        assertEquals("Checkout", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void theLibraryKeepsItsCleanAddressAfterAskingForALink() {
        browser.get(url("/library/"));
        Pages.fill(browser, "guest:email", TestAccounts.uniqueEmail().value());
        Browser.clickAndWait(browser, browser.findElement(By.id("guest:send")));
        assertEquals(url("/library/"), browser.getCurrentUrl());
        assertEquals(1, shownMessages().size(), String.valueOf(shownMessages()));
    }

    @Test
    void sellOnSkillFormStartsASellersSignUpAndEveryProblemShowsAtItsFieldAtOnce() {
        browser.get(url(""));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Sell on SkillForm")));
        assertTrue(browser.findElement(By.id("signup:creator")).isSelected(), "the box is ticked");
        assertTrue(browser.findElement(By.id("signup:storeHandle")).isDisplayed(), "the store's fields show");

        Pages.fill(browser, "signup:email", "nia@localhost"); // the browser takes it, the server does not
        Pages.fill(browser, "signup:name", "Nia");
        Pages.fill(browser, "signup:password", "short");
        Pages.fill(browser, "signup:storeHandle", "No Spaces!");
        Pages.fill(browser, "signup:storeName", "Nia's Patterns");
        Browser.clickAndWait(browser, browser.findElement(By.id("signup:submit")));
        assertEquals(List.of("Enter a valid e-mail address", "Use at least 8 characters",
                        "A store handle is 2–30 lower-case letters, digits or hyphens"),
                List.of(fieldMessage("email"), fieldMessage("password"), fieldMessage("storeHandle")));
        for (String field : List.of("email", "password", "storeHandle")) {
            assertTrue(browser.findElement(By.id("signup:" + field)).getAttribute("class").contains("ui-state-error"),
                    field + " is marked");
        }
        assertFalse(browser.findElement(By.id("signup:name")).getAttribute("class").contains("ui-state-error"));
        assertTrue(browser.findElement(By.id("signup:creator")).isSelected(), "still a seller's sign-up");

        browser.get(url("/signup"));
        assertFalse(browser.findElement(By.id("signup:creator")).isSelected());
        assertFalse(browser.findElement(By.id("signup:storeHandle")).isDisplayed(), "a buyer is not asked for a store");
    }

    @Test
    void anUnconfirmedAccountIsRemindedAndCanHaveTheLinkAgain() throws Exception {
        String email = TestAccounts.uniqueEmail().value();
        Pages.signUp(browser, url(""), email, TestAccounts.PASSWORD, null);
        Pages.logIn(browser, url(""), email, TestAccounts.PASSWORD);
        browser.get(url("/library/"));
        assertTrue(browser.findElement(By.id("verify-reminder")).getText().contains("Please confirm your e-mail address: open"
                + " the link we sent to " + email), browser.findElement(By.id("verify-reminder")).getText());
        String first = DevMail.linkPath(DevMail.newest(url(""), email, "Confirm your e-mail address for SkillForm").orElseThrow(),
                "/verify");

        Browser.clickAndWait(browser, browser.findElement(By.id("verify-reminder:resend")));
        assertEquals(url("/library/"), browser.getCurrentUrl());
        assertEquals("A new link is on its way to " + email + ". It works for 48 hours; earlier links no longer do.",
                browser.findElement(By.cssSelector("#verify-reminder .sf-messages")).getText());
        String second = DevMail.newest(url(""), email, "Confirm your e-mail address for SkillForm")
                .map(mail -> DevMail.linkPath(mail, "/verify")).filter(link -> !link.equals(first))
                .orElseThrow(() -> new AssertionError("a second, different link"));

        assertEquals("This confirmation link is not valid any more: it was used already, or it expired.",
                Pages.confirmEmail(browser, url(first)));
        Pages.confirmEmail(browser, url(second));
        browser.get(url("/library/"));
        assertTrue(browser.findElements(By.id("verify-reminder")).isEmpty(), "no reminder once confirmed");
    }

    private long demoProductId() {
        browser.get(url("/@demo/indie-makers-handbook"));
        String buy = browser.findElement(By.id("buy")).getAttribute("href");
        return Long.parseLong(buy.substring(buy.indexOf("product=") + "product=".length()));
    }

    /** Every message on the page, wherever it is shown (top of a form, in a panel, at a field). */
    private List<String> shownMessages() {
        return browser.findElements(By.cssSelector("main .sf-messages li, main .ui-message")).stream()
                .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
    }

    private String fieldMessage(String field) {
        return browser.findElement(By.cssSelector("[id='signup:" + field + "'] ~ .ui-message")).getText().strip();
    }
}
