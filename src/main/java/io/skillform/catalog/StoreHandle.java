package io.skillform.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A store's public handle, the {@code demo} in {@code /@demo}: 2–30 lower-case letters, digits or inner hyphens.
 */
public record StoreHandle(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])");

    public StoreHandle {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A store handle is 2–30 lower-case letters, digits or hyphens");
        }
    }

    /** Parses untrusted input (e.g. a URL segment); empty when it cannot be a handle. */
    public static Optional<StoreHandle> parse(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches()
                ? Optional.of(new StoreHandle(candidate))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
