package io.skillform.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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
}
