package io.skillform.catalog;

import io.skillform.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.BrowserTest;
import io.skillform.testing.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Product files through the real upload path: Chromium → PrimeFaces → Undertow's multipart temp file → blob store.
 * The test server's limit is 150 MiB (arquillian.xml), so a 100 MiB file fits and 151 MiB does not.
 */
@RunAsClient
class ProductUploadsIT extends BrowserTest {

    private static final long MIB = 1024 * 1024;
    private static final long LIMIT = 150 * MIB;

    @ArquillianResource
    private ManagementClient management;

    @Test
    void aHundredMegabyteFileStreamsToStorageWithoutGrowingTheHeap() throws Exception {
        long size = 100 * MIB;
        Path file = Files.createTempFile("big-course-", ".bin");
        String sha256 = writeRandom(file, size);
        String editor = Pages.newDraft(browser, url(""), "Big Upload", "big-" + UUID.randomUUID().toString().substring(0, 8));
        long productId = Long.parseLong(editor.replaceAll(".*id=", ""));

        runGc();
        resetPeak();
        long before = oldGeneration("usage");
        String message = Pages.upload(browser, "files", file, Duration.ofMinutes(3));
        long peak = oldGeneration("peak-usage");

        assertEquals("Added " + file.getFileName() + ".", message);
        assertTrue(peak - before < size / 2,
                "the old generation grew by " + (peak - before) / MIB + " MiB while receiving " + size / MIB + " MiB");
        try (Connection db = TestDatabase.connect();
             PreparedStatement q = db.prepareStatement(
                     "SELECT storage_key, size_bytes, sha256, file_name FROM product_file WHERE product_id = ?")) {
            q.setLong(1, productId);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                assertEquals(size, row.getLong("size_bytes"));
                assertEquals(sha256, row.getString("sha256"));
                assertEquals(file.getFileName().toString(), row.getString("file_name"));
                String key = row.getString("storage_key");
                assertTrue(key.matches("files/[0-9a-f]{32}"), "a generated key, not the uploaded name: " + key);
                Path stored = storageDir().resolve(key.substring(6, 8)).resolve(key.substring(6));
                assertEquals(size, Files.size(stored));
                assertEquals(sha256, sha256Of(stored));
            }
        }
        assertEquals(sha256, browser.findElement(By.cssSelector("[id='files:list'] code")).getAttribute("title"));
        Files.delete(file);
    }

    @Test
    void anOversizeUploadIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        String editor = Pages.newDraft(browser, url(""), "Oversize Upload", "over-" + UUID.randomUUID().toString().substring(0, 8));
        long productId = Long.parseLong(editor.replaceAll(".*id=", ""));
        long storedBefore = storedFiles();

        // Without the browser's own check: the server refuses from the declared length, before reading the body.
        // A raw socket, because a client library insists on sending the 152 MiB it declared.
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        URI target = URI.create(editor);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + "Cookie: JSESSIONID=" + session + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + (LIMIT + 2 * MIB) + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.endsWith("This file is larger than the upload limit of 150 MiB."), response);
        }

        try (Connection db = TestDatabase.connect();
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM product_file WHERE product_id = ?")) {
            q.setLong(1, productId);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                assertEquals(0, row.getLong(1));
            }
        }
        assertEquals(storedBefore, storedFiles(), "no bytes were stored");
    }

    private static Path storageDir() {
        return Path.of(System.getProperty("skillform.it.serverLog")).getParent().getParent().resolve("data/skillform-storage/files");
    }

    private static long storedFiles() throws IOException {
        if (!Files.isDirectory(storageDir())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(storageDir())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Writes pseudo-random bytes (incompressible, like real media) and returns their SHA-256. */
    private static String writeRandom(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                sha.update(chunk);
                out.write(chunk);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sha256Of(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // The server's heap, read through its management API (the platform MBeans).

    private void runGc() throws IOException {
        execute(Operations.createOperation("gc", Operations.createAddress("core-service", "platform-mbean", "type", "memory")));
    }

    private void resetPeak() throws IOException {
        execute(Operations.createOperation("reset-peak-usage", oldGenerationAddress()));
    }

    /** Bytes used in the old generation, where G1 puts any object of a region's size or more (such as a file's bytes). */
    private long oldGeneration(String attribute) throws IOException {
        return execute(Operations.createReadAttributeOperation(oldGenerationAddress(), attribute)).get("used").asLong();
    }

    private ModelNode oldGenerationAddress() throws IOException {
        ModelNode listPools = Operations.createOperation("read-children-names",
                Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool"));
        listPools.get("child-type").set("name");
        ModelNode pools = execute(listPools);
        String oldGen = pools.asList().stream().map(ModelNode::asString)
                .filter(name -> name.contains("Old") || name.contains("Tenured")).findFirst().orElseThrow();
        return Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool", "name", oldGen);
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode result = management.getControllerClient().execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
        return Operations.readResult(result);
    }
}
