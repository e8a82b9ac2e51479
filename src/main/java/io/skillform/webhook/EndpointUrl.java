package io.skillform.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An endpoint's URL as written: absolute {@code http}/{@code https} with a host, no credentials, no fragment. Whether
 * the host is one webhooks may go to is {@link AddressGuard}'s question (it needs DNS and the settings).
 */
public record EndpointUrl(URI uri) {

    static final int MAX_LENGTH = 2000;

    public static EndpointUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter the endpoint's URL.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A URL is at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Enter a full URL, like https://example.com/webhooks.");
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("Enter a full URL, like https://example.com/webhooks.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http:// and https:// URLs can receive webhooks.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Enter a full URL, like https://example.com/webhooks.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Leave the user name and password out of the URL: verify the signature instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("A webhook URL has no #fragment.");
        }
        return new EndpointUrl(uri);
    }

    /** The host as DNS knows it (IPv6 literals without their brackets). */
    String host() {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
