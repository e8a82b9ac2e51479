package io.skillform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code bench/page-weight.sh}: the weight and Largest Contentful Paint of the pages a visitor, a buyer and a creator
 * open first, on one or more running servers with the demo data, side by side. Every measurement is a fresh Chromium
 * (empty cache, no cookies; signed in first where the page needs it, then the cache emptied again) on a throttled
 * network ({@link PageWeight#PROFILE}).
 *
 * <p>Arguments: {@code [label=]base-url ...}; system properties {@code runs} (3), {@code viewport} (360x740),
 * {@code details} (true: every resource of each page's first run).
 */
public final class PageWeightBench {

    private static final String PRODUCT = "/@demo/indie-makers-handbook";

    private record Page(String name, String path, String email, String password) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("home", "/", null, null),
            new Page("store", "/@demo", null, null),
            new Page("product", PRODUCT, null, null),
            new Page("search", "/search?q=handbook", null, null),
            new Page("checkout", null, null, null),
            new Page("library", "/library/", "buyer@demo.skillform.test", "demo-buyer-2026"),
            new Page("dashboard", "/dashboard/", "creator@demo.skillform.test", "demo-creator-2026"));

    private PageWeightBench() {
    }

    public static void main(String[] args) {
        int runs = Integer.getInteger("runs", 3);
        String[] viewport = System.getProperty("viewport", "360x740").split("x");
        boolean details = Boolean.parseBoolean(System.getProperty("details", "true"));
        Map<String, String> servers = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            servers.put(eq < 0 ? arg : arg.substring(0, eq), (eq < 0 ? arg : arg.substring(eq + 1)).replaceAll("/$", ""));
        }
        if (servers.isEmpty()) {
            servers.put("dev run", "http://localhost:8080");
        }
        System.out.printf("Chromium, viewport %s×%s, network %s, empty cache, median of %d runs%n%n",
                viewport[0], viewport[1], PageWeight.PROFILE, runs);

        Map<String, Map<String, long[]>> bytes = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> paints = new LinkedHashMap<>();
        for (Map.Entry<String, String> server : servers.entrySet()) {
            for (Page page : PAGES) {
                long[] weights = new long[runs];
                double[] lcps = new double[runs];
                for (int run = 0; run < runs; run++) {
                    PageWeight.Measurement m = measure(server.getValue(), page,
                            Integer.parseInt(viewport[0]), Integer.parseInt(viewport[1]));
                    weights[run] = m.bytes();
                    lcps[run] = m.lcpMillis() == null ? Double.NaN : m.lcpMillis();
                    if (details && run == 0) {
                        System.err.print("[" + server.getKey() + "] " + m.details());
                    }
                }
                bytes.computeIfAbsent(server.getKey(), k -> new LinkedHashMap<>()).put(page.name(), weights);
                paints.computeIfAbsent(server.getKey(), k -> new LinkedHashMap<>()).put(page.name(), lcps);
            }
        }

        StringBuilder header = new StringBuilder(String.format("%-10s", "page"));
        servers.keySet().forEach(s -> header.append(String.format(" | %14s %12s", s + " KB", "LCP ms")));
        System.out.println(header);
        for (Page page : PAGES) {
            StringBuilder line = new StringBuilder(String.format("%-10s", page.name()));
            for (String s : servers.keySet()) {
                line.append(String.format(" | %14.1f %12.0f", median(bytes.get(s).get(page.name())) / 1024.0,
                        median(paints.get(s).get(page.name()))));
            }
            System.out.println(line);
        }
    }

    private static PageWeight.Measurement measure(String base, Page page, int width, int height) {
        ChromeDriver browser = Browser.open(width, height);
        try {
            if (page.email() != null) {
                Pages.logIn(browser, base, page.email(), page.password());
            }
            String path = page.path();
            if (path == null) {
                // The checkout of the product above, as its "Buy" button leads there.
                browser.get(base + PRODUCT);
                path = browser.findElement(By.id("buy")).getAttribute("href").replaceFirst("^https?://[^/]+", "");
            }
            PageWeight.throttle(browser);
            return PageWeight.measure(browser, base + path);
        } finally {
            browser.quit();
        }
    }

    private static double median(long[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return median(d);
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>();
        for (double v : values) {
            sorted.add(v);
        }
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
