package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadNamesAndQueriesTest {

    @Test
    void fileNamesLoseFoldersControlAndReservedCharacters() {
        assertEquals("passwd", FileName.sanitize("../../etc/passwd").value());
        assertEquals("evil.pdf", FileName.sanitize("C:\\Users\\me\\evil.pdf").value());
        assertEquals("a_b__.pdf", FileName.sanitize("a<b>\u202E.pdf").value());
        assertEquals("htaccess", FileName.sanitize("...htaccess").value());
        assertEquals("download", FileName.sanitize("  ").value());
        String longName = FileName.sanitize("x".repeat(300) + ".epub").value();
        assertEquals(200, longName.length());
        assertTrue(longName.endsWith(".epub"));
    }

    @Test
    void aLongNameIsCutBetweenCodePointsNeverInsideAnEmoji() {
        assertEquals("a".repeat(199), FileName.sanitize("a".repeat(199) + "\uD83D\uDE00").value());
        assertEquals("a".repeat(198) + "\uD83D\uDE00", FileName.sanitize("a".repeat(198) + "\uD83D\uDE00" + "b").value());
        String withExtension = FileName.sanitize("a".repeat(195) + "\uD83D\uDE00" + "x".repeat(20) + ".pdf").value();
        assertEquals("a".repeat(195) + ".pdf", withExtension);
        assertEquals("a_b", FileName.sanitize("a\uD83Db").value(), "a lone surrogate cannot be stored");
    }

    @Test
    void aSanitisedNameIsAcceptedAsItIsAndStaysTheSame() {
        // Leading dots, then Unicode whitespace that strip() removes but the dot rule did not (U+2028 LINE SEPARATOR).
        assertEquals("pdf", FileName.sanitize(".\u2028.pdf").value());
        assertEquals("guide.pdf", FileName.sanitize("\u3000. \u2029guide.pdf").value());
        String alphabet = ".. \t\u00A0\u2028\u2029\u3000\u200B\u0301e/\\:a\uD83D\uDE00x";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder uploaded = new StringBuilder();
            for (int length = random.nextInt(240); length > 0; length--) {
                uploaded.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String once = FileName.sanitize(uploaded.toString()).value();
            assertEquals(once, new FileName(once).value(), "accepted as it is, for " + uploaded);
            assertEquals(once, FileName.sanitize(once).value(), "stable, for " + uploaded);
        }
    }

    @Test
    void searchQueriesBecomeRequiredPrefixesWithoutOperators() {
        assertEquals("+water* +paint*", SearchQuery.parse(" Water  PAINT ").orElseThrow().booleanMode());
        assertEquals("+pwn*", SearchQuery.parse("+pwn* -\"x\" (y)").orElseThrow().booleanMode());
        assertTrue(SearchQuery.parse("ai").isEmpty(), "shorter than the index's minimum word");
        assertTrue(SearchQuery.parse(null).isEmpty());
    }
}
