package io.skillform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link S3BlobStore} against Adobe's S3Mock, started once for the class as a separate process from its
 * executable jar (the build copies it to {@code target/s3mock}; its log lands beside it).
 */
class S3BlobStoreIT extends BlobStoreContract {

    private static final String BUCKET = "skillform-it";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path spool;

    private static Process s3mock;
    private static S3BlobStore store;

    @BeforeAll
    static void startS3Mock() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("skillform.it.s3mockJar", "target/s3mock/s3mock.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the build's pre-integration-test phase");
        Path log = jar.resolveSibling("s3mock.log");
        int port = freePort();
        s3mock = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.http-port=" + port,
                // HTTPS, which the test doesn't use: any free port, so no fixed one can clash.
                "--server.port=0",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                // S3Mock deletes its root folder when it stops.
                "--com.adobe.testing.s3mock.store.root=" + Files.createTempDirectory("s3mock-"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        awaitBucket(endpoint, log);
        store = new S3BlobStore(new S3BlobStore.Settings(BUCKET, "us-east-1", Optional.of(endpoint),
                Optional.of("test-access-key"), Optional.of("test-secret-key"), true), spool);
    }

    @AfterAll
    static void stopS3Mock() throws InterruptedException {
        if (store != null) {
            store.close();
        }
        if (s3mock != null) {
            s3mock.destroy();
            if (!s3mock.waitFor(30, TimeUnit.SECONDS)) {
                s3mock.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void spoolFilesAreRemovedAfterEveryWrite() throws IOException {
        store.write(BlobKey.generate("files"), text("kept in the bucket, not on disk"));
        InputStream tooLarge = new MeteredInputStream(new ByteArrayInputStream(randomBytes(LARGE)), LARGE / 2);
        assertThrows(TooLargeException.class, () -> store.write(BlobKey.generate("files"), tooLarge));

        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aPresignedUrlServesTheObjectUnderItsDownloadNameForAMinute() throws Exception {
        BlobKey key = BlobKey.generate("files");
        store.write(key, text("the handbook"));

        URI url = store.temporaryUrl(key, "attachment; filename=\"handbook.pdf\"", "application/pdf", Duration.ofSeconds(60))
                .orElseThrow();
        assertTrue(url.getQuery().contains("X-Amz-Expires=60"), url.toString());
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertEquals("the handbook", fetched.body());
        assertEquals("attachment; filename=\"handbook.pdf\"", fetched.headers().firstValue("Content-Disposition").orElse(""));
    }

    // The initial bucket is created a moment after the server starts answering, so wait for the bucket itself.
    private static void awaitBucket(URI endpoint, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest headBucket = HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!s3mock.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + s3mock.exitValue() + ", see " + log);
            }
            try {
                if (http.send(headBucket, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notAnsweringYet) {
                // Still starting: try again.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("S3Mock did not serve bucket " + BUCKET + " within " + STARTUP_TIMEOUT
                + ", see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
