package io.skillform.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the tests that use the application as a person does: the real WAR deployed as is, and a fresh
 * Chromium (fresh profile, no cookies) for every test. Subclasses add {@code @RunAsClient}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class BrowserTest {

    protected ChromeDriver browser;

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** An absolute URL on the server under test for a path starting with "/" ("" for the site root). */
    protected String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
