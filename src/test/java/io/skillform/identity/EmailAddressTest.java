package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpace() {
        assertEquals(Optional.of(new EmailAddress("ann@example.com")), EmailAddress.parse("  Ann@Example.COM "));
    }

    @Test
    void refusesWhatCannotBeAnAddress() {
        for (String bad : new String[] {"", "ann", "ann@", "@example.com", "ann@example", "a b@example.com", "a@b@c.de"}) {
            assertTrue(EmailAddress.parse(bad).isEmpty(), bad);
        }
        assertTrue(EmailAddress.parse("a".repeat(250) + "@x.io").isEmpty(), "longer than 254");
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("Ann@example.com"), "not normalised");
    }
}
