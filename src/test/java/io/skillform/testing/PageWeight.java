package io.skillform.testing;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a page costs a visitor on a first visit, as Chromium counts it: the bytes that came over the wire (Resource
 * Timing's {@code transferSize} of the document and of everything it loaded: headers and compressed bodies) and when
 * its largest content was painted. Used by the browser tests (a weight budget) and by {@code bench/page-weight.sh}.
 */
public final class PageWeight {

    /** Lighthouse's mobile profile (what DevTools once called "Fast 3G"): 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT. */
    public static final String PROFILE = "1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip";

    private static final String MEASURE = """
            const done = arguments[arguments.length - 1];
            const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
            let lcp = null;
            new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
                .observe({type: 'largest-contentful-paint', buffered: true});
            setTimeout(() => done({
                lcp: lcp,
                resources: entries.map(e => ({url: e.name, bytes: e.transferSize, type: e.initiatorType}))
            }), 300);
            """;

    private PageWeight() {
    }

    public record Resource(String url, long bytes, String type) {
    }

    public record Measurement(String url, List<Resource> resources, Double lcpMillis) {

        public long bytes() {
            return resources.stream().mapToLong(Resource::bytes).sum();
        }

        /** The resources, heaviest first, one a line: for a failure message or the benchmark's details. */
        public String details() {
            StringBuilder text = new StringBuilder(url).append(": ").append(bytes()).append(" bytes\n");
            resources.stream().sorted(Comparator.comparingLong(Resource::bytes).reversed()).forEach(r ->
                    text.append(String.format("  %8d  %-10s %s%n", r.bytes(), r.type(), r.url())));
            return text.toString();
        }
    }

    /** Slows the browser's network down to {@link #PROFILE} (until it quits). */
    public static void throttle(ChromeDriver browser) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
    }

    /**
     * Opens the page with an empty HTTP cache (cookies are kept: a signed-in visitor stays signed in) and measures it
     * once it has loaded and its network has gone quiet.
     */
    @SuppressWarnings("unchecked")
    public static Measurement measure(ChromeDriver browser, String url) {
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        // Late requests (lazy images, fonts a style asked for) count too: wait until no entry has been added for 0.5 s.
        long[] seen = {-1};
        wait.pollingEvery(Duration.ofMillis(500)).until(d -> {
            long now = (Long) browser.executeScript("return performance.getEntriesByType('resource').length");
            boolean quiet = now == seen[0];
            seen[0] = now;
            return quiet;
        });
        Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript(MEASURE);
        List<Resource> resources = ((List<Map<String, Object>>) result.get("resources")).stream()
                .map(r -> new Resource((String) r.get("url"), ((Number) r.get("bytes")).longValue(), (String) r.get("type")))
                .toList();
        Number lcp = (Number) result.get("lcp");
        return new Measurement(url, resources, lcp == null ? null : lcp.doubleValue());
    }
}
