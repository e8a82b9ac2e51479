package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Browser;
import io.skillform.testing.ClientTest;
import io.skillform.testing.HttpLogIn;
import io.skillform.testing.PageWeight;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the storefront costs a visitor on a phone: each anonymous page, with everything it loads, within 100 KB on a
 * first visit, no script it does not need, text compressed when asked for, static files cached under versioned
 * names, and no page that carries a session kept by a browser or compressed (BREACH).
 */
@RunAsClient
class LightPagesIT extends ClientTest {

    static final long BUDGET = 100 * 1024;
    private static final List<String> STOREFRONT = List.of("/", "/@demo", "/@demo/indie-makers-handbook", "/search?q=handbook");
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();


    @Test
    void storefrontPagesWeighUnderTheBudgetWithoutScripts() {
        ChromeDriver browser = Browser.open(360, 740);
        try {
            for (String path : STOREFRONT) {
                PageWeight.Measurement page = PageWeight.measure(browser, url(path));
                assertTrue(page.bytes() <= BUDGET, page.details());
                assertEquals(0L, browser.executeScript("return document.querySelectorAll('script[src]').length"),
                        path + " loads no script");
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void textIsCompressedAndStaticFilesAreVersionedAndKept() throws Exception {
        HttpResponse<String> home = get(url("/"), Optional.empty(), true);
        assertEquals(200, home.statusCode());
        assertEquals("gzip", home.headers().firstValue("Content-Encoding").orElse("none"), "the home page is compressed");
        assertEquals("no-cache", home.headers().firstValue("Cache-Control").orElse(""), "a visitor's page is asked for again");

        HttpResponse<String> plain = get(url("/"), Optional.empty(), false);
        Matcher css = Pattern.compile("href=\"([^\"]*skillform\\.css[^\"]*)\"").matcher(plain.body());
        assertTrue(css.find(), "the page links its stylesheet");
        String stylesheet = css.group(1).replace("&amp;", "&");
        assertTrue(stylesheet.contains("v="), "the stylesheet's address carries its version: " + stylesheet);
        HttpResponse<String> style = get(URI.create(url("/")).resolve(stylesheet).toString(), Optional.empty(), true);
        assertEquals(200, style.statusCode());
        assertEquals("gzip", style.headers().firstValue("Content-Encoding").orElse("none"), "the stylesheet is compressed");
        assertTrue(style.headers().firstValue("Cache-Control").orElse("").contains("immutable"),
                "a versioned file is kept: " + style.headers().map());

        // A signed-in creator's page holds a session (view state): never stored, never compressed.
        String cookie = HttpLogIn.as(url(""), "creator@demo.skillform.test", "demo-creator-2026").cookie();
        HttpResponse<String> dashboard = get(url("/dashboard/"), Optional.of(cookie), true);
        assertEquals(200, dashboard.statusCode());
        assertEquals("none", dashboard.headers().firstValue("Content-Encoding").orElse("none"));
        assertEquals("private, no-store", dashboard.headers().firstValue("Cache-Control").orElse(""));
    }

    private static HttpResponse<String> get(String address, Optional<String> cookie, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address));
        cookie.ifPresent(c -> request.header("Cookie", c));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
