package io.skillform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void survivesTheTripThroughJson() {
        AuditEntry entry = AuditEntry.of("store.opened", "store:7", "system", "@demo \"quoted\" ünïcode");
        assertEquals(entry, AuditEntry.fromJson(entry.toJson()));
    }

    @Test
    void refusesAnUnknownMessageVersion() {
        String future = AuditEntry.of("a", "s", "x", "").toJson().replace("\"v\":1", "\"v\":2");
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.fromJson(future));
    }

    @Test
    void refusesEmptyFields() {
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(" ", "s", "x", ""));
    }
}
