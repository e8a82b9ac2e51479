package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void searchQueriesBecomeRequiredPrefixesWithoutOperators() {
        assertEquals("+water* +paint*", SearchQuery.parse(" Water  PAINT ").orElseThrow().booleanMode());
        assertEquals("+pwn*", SearchQuery.parse("+pwn* -\"x\" (y)").orElseThrow().booleanMode());
        assertTrue(SearchQuery.parse("ai").isEmpty(), "shorter than the index's minimum word");
        assertTrue(SearchQuery.parse(null).isEmpty());
    }
}
