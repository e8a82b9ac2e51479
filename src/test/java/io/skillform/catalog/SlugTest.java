package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void aTitleBecomesAnAddressWithoutAccentsOrPunctuation() {
        assertEquals("cafe-creme-notes", Slug.suggest("Café Crème — Notes!").value());
        assertEquals("the-2026-planner", Slug.suggest("  The 2026 Planner  ").value());
        assertEquals("product", Slug.suggest("★★★").value(), "nothing usable left");
        assertEquals("product", Slug.suggest(null).value());
    }

    @Test
    void aLongTitleIsCutAtAWord() {
        Slug slug = Slug.suggest("word ".repeat(30));
        assertTrue(slug.value().length() <= 80 && slug.value().endsWith("word"), slug.value());
    }

    @Test
    void aTakenSlugGetsANumberWithinTheLength() {
        assertEquals("notes-2", new Slug("notes").numbered(2).value());
        Slug longest = new Slug("a".repeat(80));
        assertEquals("a".repeat(77) + "-12", longest.numbered(12).value());
    }
}
