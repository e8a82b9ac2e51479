package io.skillform.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderNumberTest {

    @Test
    void isTheReferencesDigestInTwoGroupsOfFive() {
        // SHA-256("abc") begins ba7816bf8f…
        assertEquals("BA781-6BF8F", OrderNumber.of("abc"));
        assertTrue(OrderNumber.of("Zq3-_x").matches("[0-9A-F]{5}-[0-9A-F]{5}"));
    }

    @Test
    void neighbouringReferencesGetUnrelatedNumbers() {
        assertNotEquals(OrderNumber.of("aaaaaaaaaaaaaaaaaaaaaa").substring(0, 3), OrderNumber.of("aaaaaaaaaaaaaaaaaaaaab").substring(0, 3));
    }
}
