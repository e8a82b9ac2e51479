package io.skillform.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's {@code Range} and {@code If-Range} headers (RFC 9110 §14), resolved against a file. One range only:
 * multiple ranges, malformed ones and a stale {@code If-Range} are ignored, as the RFC allows, and the whole file
 * is sent — what a download client expects.
 */
public record RangeRequest(String range, String ifRange) {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)", Pattern.CASE_INSENSITIVE);

    /** What to send: the whole file, bytes {@code first..last} (inclusive), or nothing (416). */
    public record Resolution(Kind kind, long first, long last, long size) {

        public enum Kind { WHOLE, PARTIAL, UNSATISFIABLE }

        public long length() {
            return kind == Kind.UNSATISFIABLE ? 0 : last - first + 1;
        }

        /** The offset the transfer starts at: 0 for a download from the beginning, more for a resumed one. */
        public long start() {
            return kind == Kind.PARTIAL ? first : 0;
        }
    }

    public Resolution resolve(long size, String etag, Instant lastModified) {
        Resolution whole = new Resolution(Resolution.Kind.WHOLE, 0, size - 1, size);
        if (range == null || size == 0 || !(ifRange == null || ifRange.equals(etag) || ifRange.equals(httpDate(lastModified)))) {
            return whole;
        }
        Matcher spec = SINGLE.matcher(range.strip());
        if (!spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
            return whole;
        }
        Resolution unsatisfiable = new Resolution(Resolution.Kind.UNSATISFIABLE, 0, -1, size);
        if (spec.group(1).isEmpty()) {
            long suffix = position(spec.group(2));
            return suffix == 0 || size == 0 ? unsatisfiable
                    : new Resolution(Resolution.Kind.PARTIAL, Math.max(0, size - suffix), size - 1, size);
        }
        long first = position(spec.group(1));
        long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : position(spec.group(2));
        if (last < first) {
            return whole; // not a valid range: ignored
        }
        return first >= size ? unsatisfiable : new Resolution(Resolution.Kind.PARTIAL, first, Math.min(last, size - 1), size);
    }

    /** A byte position; one beyond any file's size is as good as the largest. */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    /** The {@code Last-Modified} form of an instant (IMF-fixdate). */
    public static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
