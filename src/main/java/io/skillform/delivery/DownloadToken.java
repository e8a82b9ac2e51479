package io.skillform.delivery;

import io.skillform.identity.TokenSecrets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a download (or library) link: 256 random bits, URL-safe. Only its SHA-256 is stored, so the
 * database cannot hand out working links.
 */
public record DownloadToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    public DownloadToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a link token");
        }
    }

    static DownloadToken generate() {
        return new DownloadToken(TokenSecrets.newLinkToken());
    }

    /** The token in a URL, if it has the shape of one: anything else is not worth a database query. */
    public static Optional<DownloadToken> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new DownloadToken(text)) : Optional.empty();
    }

    String hash() {
        return TokenSecrets.sha256Hex(value);
    }

    @Override
    public String toString() {
        // Never logged by accident.
        return "DownloadToken[…]";
    }
}
