package io.skillform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateTest {

    @Test
    void idsAreRandomAndReadable() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Certificate.newId();
            assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void aNameIsPrintedAsTypedTrimmed() {
        assertEquals("Zoë Ångström", Certificate.checkedName("  Zoë   Ångström "));
        assertEquals("Дмитрий Ψ", Certificate.checkedName("Дмитрий Ψ"), "Cyrillic and Greek print");
    }

    @Test
    void aNameThatCannotBePrintedIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> Certificate.checkedName("   "));
        assertThrows(IllegalArgumentException.class, () -> Certificate.checkedName("x".repeat(121)));
        assertThrows(IllegalArgumentException.class, () -> Certificate.checkedName("Bell\u0007"));
        IllegalArgumentException cjk = assertThrows(IllegalArgumentException.class, () -> Certificate.checkedName("李雷"));
        assertTrue(cjk.getMessage().startsWith("The certificate cannot print some characters"), cjk.getMessage());
    }
}
