package io.skillform.api;

import io.skillform.catalog.ProductPosition;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cursor} of a list: opaque to clients (URL-safe Base64 of where the last page ended), so its format can
 * change without breaking them. A cursor that does not decode is the client's error (400), never a 500.
 */
final class Cursor {

    private static final Pattern PRODUCT = Pattern.compile("p1:(-?\\d{1,19}):(\\d{1,19})");

    private Cursor() {
    }

    static String of(ProductPosition position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.publishedAt());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("p1:" + micros + ":" + position.id()).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for no cursor (the first page). */
    static Optional<ProductPosition> product(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher parts = PRODUCT.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (parts.matches()) {
                return Optional.of(new ProductPosition(Instant.EPOCH.plus(Long.parseLong(parts.group(1)), ChronoUnit.MICROS),
                        Long.parseLong(parts.group(2))));
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException notOurs) {
            // falls through to the refusal
        }
        throw new ApiException(Problem.invalid("cursor", "is not a cursor from this list; start again without one"));
    }
}
