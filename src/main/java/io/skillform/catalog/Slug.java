package io.skillform.catalog;

import java.text.Normalizer;
import java.util.Locale;
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

    /**
     * A slug made from a title, for a creator who did not choose one: "Café Crème — Notes!" becomes
     * {@code cafe-creme-notes}; cut at a word within the length; {@code product} when nothing is left.
     */
    public static Slug suggest(String title) {
        String folded = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (folded.length() > MAX_LENGTH) {
            folded = folded.substring(0, MAX_LENGTH);
            int cut = folded.lastIndexOf('-');
            folded = (cut > 0 ? folded.substring(0, cut) : folded).replaceAll("-+$", "");
        }
        return new Slug(folded.isEmpty() ? "product" : folded);
    }

    /** This slug with a number, for when it is taken: {@code notes-2}; cut to stay within the length. */
    Slug numbered(int n) {
        String suffix = "-" + n;
        String base = value.length() + suffix.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH - suffix.length()) : value;
        return new Slug(base.replaceAll("-+$", "") + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
