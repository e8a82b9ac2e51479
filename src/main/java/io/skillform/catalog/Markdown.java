package io.skillform.catalog;

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
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
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
}
