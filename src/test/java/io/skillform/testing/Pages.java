package io.skillform.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The forms a person fills in, shared by the browser tests. Each submits and waits for the next page. */
public final class Pages {

    private Pages() {
    }

    public static void fill(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** Fills and submits the log-in form on the current page (/login, or where a protected page sent us). */
    public static void submitLogin(WebDriver browser, String email, String password) {
        fill(browser, "login:email", email);
        fill(browser, "login:password", password);
        Browser.clickAndWait(browser, browser.findElement(By.id("login:submit")));
    }

    public static void logIn(WebDriver browser, String baseUrl, String email, String password) {
        browser.get(baseUrl + "/login");
        submitLogin(browser, email, password);
    }

    /** Opens an e-mail confirmation link and presses its button; returns what the page then says. */
    public static String confirmEmail(WebDriver browser, String linkUrl) {
        browser.get(linkUrl);
        Browser.clickAndWait(browser, browser.findElement(By.id("verify:confirm")));
        return browser.findElement(By.id("verify-result")).getText();
    }

    /** From a product page through "Buy" and the checkout form (amount: for pay-what-you-want, else null). */
    public static void startCheckout(WebDriver browser, String productUrl, String email, String amount) {
        browser.get(productUrl);
        Browser.clickAndWait(browser, browser.findElement(By.id("buy")));
        fill(browser, "checkout:email", email);
        if (amount != null) {
            fill(browser, "checkout:amount", amount);
        }
        Browser.clickAndWait(browser, browser.findElement(By.id("checkout:pay")));
    }

    /** Waits until the order page shows the status (it polls: a re-rendered element is simply read again). */
    public static void waitForOrderStatus(WebDriver browser, String status, Duration patience) {
        new WebDriverWait(browser, patience).ignoring(StaleElementReferenceException.class)
                .until(d -> status.equals(d.findElement(By.id("status")).getAttribute("data-status")));
    }

    /** Signs up on /signup; with a store handle, as a creator. */
    public static void signUp(WebDriver browser, String baseUrl, String email, String password, String storeHandle) {
        browser.get(baseUrl + "/signup");
        fill(browser, "signup:email", email);
        fill(browser, "signup:name", "Test Person");
        fill(browser, "signup:password", password);
        if (storeHandle != null) {
            browser.findElement(By.id("signup:creator")).click();
            fill(browser, "signup:storeHandle", storeHandle);
            fill(browser, "signup:storeName", "Test Store " + storeHandle);
        }
        Browser.clickAndWait(browser, browser.findElement(By.id("signup:submit")));
    }

    /**
     * Chooses a file in a PrimeFaces upload (which uploads at once) and waits until the re-rendered form shows a
     * message; returns its text.
     */
    public static String upload(WebDriver browser, String formId, Path file, Duration patience) {
        WebElement input = browser.findElement(By.id(formId + ":upload_input"));
        browser.findElements(By.cssSelector("[id='" + formId + ":messages'] li")).forEach(old ->
                ((JavascriptExecutor) browser).executeScript("arguments[0].remove()", old));
        input.sendKeys(file.toAbsolutePath().toString());
        return new WebDriverWait(browser, patience).until(d -> {
            List<WebElement> shown = d.findElements(
                    By.cssSelector("[id='" + formId + ":messages'] li, .ui-fileupload-content .ui-messages-error-summary"));
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
    }

    /** Logs in as the demo creator and creates a draft; returns the editor's URL. */
    public static String newDraft(WebDriver browser, String baseUrl, String title, String slug) {
        logIn(browser, baseUrl, "creator@demo.skillform.test", "demo-creator-2026");
        browser.get(baseUrl + "/dashboard/products");
        fill(browser, "create:title", title);
        fill(browser, "create:slug", slug);
        fill(browser, "create:price", "12.50");
        Browser.clickAndWait(browser, browser.findElement(By.id("create:submit")));
        return browser.getCurrentUrl();
    }
}
