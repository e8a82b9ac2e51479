package io.skillform.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as accounts are keyed by it: trimmed and lower-cased, so that "Ann@Example.com" and
 * "ann@example.com" are one account. The check is deliberately simple; the verification mail is the real test.
 */
public record EmailAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()
                || !value.equals(value.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Enter a valid e-mail address");
        }
    }

    /** Normalises untrusted input; empty when it cannot be an address. */
    public static Optional<EmailAddress> parse(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String normalised = candidate.strip().toLowerCase(Locale.ROOT);
        return normalised.length() <= MAX_LENGTH && FORMAT.matcher(normalised).matches()
                ? Optional.of(new EmailAddress(normalised))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
