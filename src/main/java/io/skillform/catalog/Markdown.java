package io.skillform.catalog;

import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A creator's Markdown as HTML that is safe to put into a page buyers open. Two independent layers: the Markdown
 * renderer escapes any raw HTML and drops unsafe link schemes, then an allow-list sanitiser keeps only formatting,
 * headings, lists, quotes, code and http(s)/mailto links (rel="nofollow") — so a mistake in one layer does not become a script.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br").toFactory());

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, Integer.MAX_VALUE).orElseThrow();
    }

    /**
     * The same, or nothing if the HTML would be longer than {@code maxLength} characters. Short Markdown can make huge
     * HTML (each use of a link reference repeats its URL), so rendering stops as soon as the bound is passed.
     */
    public static Optional<String> toSafeHtml(String markdown, int maxLength) {
        if (markdown == null || markdown.isBlank()) {
            return Optional.of("");
        }
        StringBuilder html = new StringBuilder();
        try {
            RENDERER.render(PARSER.parse(markdown), new Bounded(html, maxLength));
        } catch (Bounded.Exceeded tooLong) {
            return Optional.empty();
        }
        // The sanitiser may add to what it keeps (rel="nofollow" on every link).
        return Optional.of(POLICY.sanitize(html.toString())).filter(safe -> safe.length() <= maxLength);
    }

    /** The text without markup, on one line and cut at a word, for meta descriptions and previews. */
    public static String toSummary(String markdown, int maxLength) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxLength - 1);
        return text.substring(0, cut > maxLength / 2 ? cut : maxLength - 1) + "…";
    }

    /** Appends up to a length, then refuses (unchecked, so the renderer passes it on as it is). */
    private record Bounded(StringBuilder into, int maxLength) implements Appendable {

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            if (into.length() + end - start > maxLength) {
                throw new Exceeded();
            }
            into.append(text, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }

        private static final class Exceeded extends RuntimeException {

            private static final long serialVersionUID = 1L;

            Exceeded() {
                super(null, null, false, false);
            }
        }
    }
}
