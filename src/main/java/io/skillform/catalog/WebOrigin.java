package io.skillform.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A web origin as browsers send it in {@code Origin}: scheme, host and port only ({@code https://shop.example.com}).
 * Compared as text, so it is kept in the one form browsers use: lower case, no default port, no trailing slash.
 */
public record WebOrigin(String value) {

    public static WebOrigin parse(String text) {
        String candidate = text == null ? "" : text.strip();
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && bare
                    && uri.getHost().matches("[A-Za-z0-9.-]{1,253}")) {
                int port = uri.getPort();
                boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
                return new WebOrigin(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw new IllegalArgumentException("“" + candidate + "” is not a web origin: write it like https://shop.example.com"
                + " (no path)");
    }

    /** The origin of a page's URL ({@code https://shop.example.com/library?x=1} → {@code https://shop.example.com}). */
    public static WebOrigin parseUrl(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            if (uri.getScheme() != null && uri.getRawAuthority() != null && uri.getRawUserInfo() == null) {
                return parse(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw new IllegalArgumentException("is not a web page's address (https://…)");
    }

    @Override
    public String toString() {
        return value;
    }
}
