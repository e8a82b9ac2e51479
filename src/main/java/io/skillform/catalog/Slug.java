package io.skillform.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** A product's URL slug, unique within its store: 1–80 lower-case letters or digits in hyphen-separated words. */
public record Slug(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 80;

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A slug is lower-case letters and digits separated by single hyphens, at most 80");
        }
    }

    /** Parses untrusted input (e.g. a URL segment); empty when it cannot be a slug. */
    public static Optional<Slug> parse(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && FORMAT.matcher(candidate).matches()
                ? Optional.of(new Slug(candidate))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
