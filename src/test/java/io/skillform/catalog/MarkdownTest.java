package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    /** Escaped text may mention "onerror"; only real tags and attributes are dangerous. */
    private static final Pattern TAG = Pattern.compile("<[a-z][^>]*>");
    private static final Pattern DANGEROUS_IN_TAG =
            Pattern.compile("^<(script|img|svg|iframe|object|embed|style)|\\son\\w+=|javascript:|data:|style=");

    @Test
    void keepsFormattingListsLinksAndCode() {
        String html = Markdown.toSafeHtml("## Inside\n\n- **twelve** presets\n- _warm_ tones\n\n[Site](https://example.com) `code`");
        assertTrue(html.contains("<h2>Inside</h2>"), html);
        assertTrue(html.contains("<li><strong>twelve</strong> presets</li>"), html);
        assertTrue(html.contains("<em>warm</em>"), html);
        assertTrue(html.contains("<a href=\"https://example.com\" rel=\"nofollow\">Site</a>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
    }

    @Test
    void noScriptSurvivesAnyKnownVector() {
        for (String attack : List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](javascript:alert(1))",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<svg/onload=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "[x](https://ok.example \"title\" onmouseover=alert(1))")) {
            String html = Markdown.toSafeHtml(attack).toLowerCase(Locale.ROOT);
            Matcher tag = TAG.matcher(html);
            while (tag.find()) {
                assertFalse(DANGEROUS_IN_TAG.matcher(tag.group()).find(), attack + " → " + html);
            }
        }
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n", Markdown.toSafeHtml("<b>hi</b>"));
    }

    @Test
    void renderingStopsAtTheGivenLength() {
        String markdown = "[b]: https://example.com/long\n\n" + "[a][b] ".repeat(100);
        String html = Markdown.toSafeHtml(markdown);
        assertEquals(Optional.of(html), Markdown.toSafeHtml(markdown, html.length()));
        assertEquals(Optional.empty(), Markdown.toSafeHtml(markdown, html.length() - 1));
        assertEquals(Optional.empty(), Markdown.toSafeHtml(markdown, 100));
    }

    @Test
    void summariesArePlainTextCutAtAWord() {
        assertEquals("Title A bold idea.", Markdown.toSummary("# Title\n\nA **bold** idea.", 160));
        assertEquals("one two…", Markdown.toSummary("one two three four", 12));
    }
}
