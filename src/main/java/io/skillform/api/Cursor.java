package io.skillform.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cursor} of a list: opaque to clients (URL-safe Base64 of where the last page ended), so its format can
 * change without breaking them. It names its list, so a cursor from another list is refused rather than silently
 * positioning this one. A cursor that does not decode is the client's error (400), never a 500.
 */
final class Cursor {

    /** Where a list ordered by a time and then an id ended. */
    record TimeAndId(Instant at, long id) {
    }

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern TIME_AND_ID = Pattern.compile("(-?\\d{1,19}):(\\d{1,19})");
    private static final Pattern ID = Pattern.compile("\\d{1,19}");
    private static final Pattern TEXT = Pattern.compile("[^\\n]{1,320}");

    private Cursor() {
    }

    static String of(String list, Instant at, long id) {
        return encode(list, ChronoUnit.MICROS.between(Instant.EPOCH, at) + ":" + id);
    }

    static String of(String list, long id) {
        return encode(list, Long.toString(id));
    }

    static String ofText(String list, String position) {
        return encode(list, position);
    }

    /** Empty for no cursor (the first page). */
    static Optional<TimeAndId> timeAndId(String list, String cursor) {
        return decode(list, cursor, TIME_AND_ID, parts -> {
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts.group(1)), ChronoUnit.MICROS);
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LAST)) {
                throw new IllegalArgumentException("no stored time is there"); // nor can the database compare it
            }
            return new TimeAndId(at, Long.parseLong(parts.group(2)));
        });
    }

    static Optional<Long> id(String list, String cursor) {
        return decode(list, cursor, ID, parts -> Long.parseLong(parts.group()));
    }

    static Optional<String> text(String list, String cursor) {
        return decode(list, cursor, TEXT, Matcher::group);
    }

    private static String encode(String list, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((list + "1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> Optional<T> decode(String list, String cursor, Pattern position, Function<Matcher, T> parse) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = list + "1:";
            if (decoded.startsWith(prefix)) {
                Matcher parts = position.matcher(decoded.substring(prefix.length()));
                if (parts.matches()) {
                    return Optional.of(parse.apply(parts)); // out-of-range numbers fail here, not later in a query
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException notOurs) {
            // falls through to the refusal
        }
        throw new ApiException(Problem.invalid("cursor", "is not a cursor from this list; start again without one"));
    }
}
