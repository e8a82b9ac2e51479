package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorefrontNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "ab", "jane-doe", "studio42", "a-b-c"})
    void acceptsWellFormedHandles(String handle) {
        assertEquals(handle, new StoreHandle(handle).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-demo", "demo-", "Demo", "de mo", "demo/x", "ab@c", "1234567890123456789012345678901"})
    void rejectsMalformedHandles(String handle) {
        assertThrows(IllegalArgumentException.class, () -> new StoreHandle(handle));
        assertEquals(Optional.empty(), StoreHandle.parse(handle));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "ebook", "indie-makers-handbook", "v2"})
    void acceptsWellFormedSlugs(String slug) {
        assertTrue(Slug.parse(slug).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "x-", "a--b", "Ebook", "e book", "../etc", "%2e%2e"})
    void rejectsMalformedSlugs(String slug) {
        assertThrows(IllegalArgumentException.class, () -> new Slug(slug));
        assertEquals(Optional.empty(), Slug.parse(slug));
    }

    @org.junit.jupiter.api.Test
    void slugsHaveALengthLimit() {
        assertTrue(Slug.parse("a".repeat(80)).isPresent());
        assertEquals(Optional.empty(), Slug.parse("a".repeat(81)));
    }
}
