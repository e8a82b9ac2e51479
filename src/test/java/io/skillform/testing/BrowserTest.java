package io.skillform.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the tests that use the application as a person does: a fresh Chromium (fresh profile, no cookies) for every
 * test. Subclasses add {@code @RunAsClient}.
 */
public abstract class BrowserTest extends ClientTest {

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
