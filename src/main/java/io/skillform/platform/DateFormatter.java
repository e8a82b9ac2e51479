package io.skillform.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Points in time for pages, in UTC and unambiguous: {@code #{dates.format(token.createdAt())}}. */
@Named("dates")
@ApplicationScoped
public class DateFormatter {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** The day alone, in words ("7 December 2026"), as a certificate gives it. */
    public String formatDate(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
