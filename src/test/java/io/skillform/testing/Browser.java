package io.skillform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver, headless, with a fresh profile. The driver path is given explicitly so
 * Selenium never tries to download a browser or driver of its own (this machine has no such network).
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver open() {
        return open(1280, 900);
    }

    /**
     * A browser whose viewport is width × height pixels. Below 800 px it is a phone: headless Chromium makes no window
     * narrower than 500 px, so the screen is emulated (DevTools' device mode: that width, touch, the page's viewport
     * meta tag honoured).
     */
    public static ChromeDriver open(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("skillform-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("skillform.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        String hostRules = System.getProperty("skillform.it.hostRules", "");
        if (!hostRules.isBlank()) {
            // Pages link to the configured site address (shop.example.test), which only this mapping makes reachable.
            options.addArguments("--host-resolver-rules=" + hostRules);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("skillform.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (width < 800) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return driver;
    }

    /**
     * Clicks something that loads a new page (a form button, a link) and returns once that page has loaded,
     * so that what the test reads next is the new page, not the old one.
     */
    public static void clickAndWait(WebDriver driver, WebElement target) {
        clickAndWait(driver, target, () -> { });
    }

    /** Clicks what asks "are you sure?" first, answers yes, and waits for the next page; returns the question. */
    public static String clickConfirmAndWait(WebDriver driver, WebElement target) {
        String[] question = new String[1];
        clickAndWait(driver, target, () -> {
            Alert alert = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            question[0] = alert.getText();
            alert.accept();
        });
        return question[0];
    }

    private static void clickAndWait(WebDriver driver, WebElement target, Runnable afterClick) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        afterClick.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or Chromium's "node does not belong to the document" mid-navigation: the old page is gone.
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
