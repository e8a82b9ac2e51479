package io.skillform.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** If-None-Match as RFC 9110 §13.1.2 reads it: weak comparison, lists, several header lines, {@code *}. */
class ETagsTest {

    private static final String CURRENT = "3f1a";

    @Test
    void theTagItselfOrItsWeakFormMeansNotModified() {
        assertTrue(ETags.notModified(List.of("\"3f1a\""), CURRENT));
        assertTrue(ETags.notModified(List.of("W/\"3f1a\""), CURRENT), "as a compressing proxy passes the tag on");
    }

    @Test
    void aListOrSeveralLinesNamingItMeanNotModified() {
        assertTrue(ETags.notModified(List.of("\"old\", W/\"3f1a\""), CURRENT));
        assertTrue(ETags.notModified(List.of("\"old\"", " \"3f1a\" "), CURRENT));
        assertTrue(ETags.notModified(List.of("*"), CURRENT), "any representation");
    }

    @Test
    void anythingElseIsAFullAnswer() {
        assertFalse(ETags.notModified(null, CURRENT));
        assertFalse(ETags.notModified(List.of("\"old\", W/\"other\""), CURRENT));
        assertFalse(ETags.notModified(List.of("\"3f1\""), CURRENT));
        assertFalse(ETags.notModified(List.of("3f1a"), CURRENT), "not a tag: unquoted");
        assertFalse(ETags.notModified(List.of(""), CURRENT));
    }
}
