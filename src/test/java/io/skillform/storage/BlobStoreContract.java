package io.skillform.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises. A store's test extends this and says which store it tests; keys are
 * fresh per test, so the tests share a store without depending on one another.
 */
abstract class BlobStoreContract {

    // Several MB, and no multiple of a buffer size, so a lost or doubled last chunk shows.
    static final int LARGE = 5 * 1024 * 1024 + 17;

    /** The store under test; the same instance for every test of a class is fine. */
    abstract BlobStore store();

    @Test
    void readsBackALargeObjectByteForByte() throws IOException {
        BlobKey key = BlobKey.generate("files");
        byte[] content = randomBytes(LARGE);

        store().write(key, new ByteArrayInputStream(content));

        MeteredInputStream readBack = new MeteredInputStream(store().read(key), Long.MAX_VALUE);
        try (readBack) {
            readBack.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(LARGE, readBack.count());
        assertEquals(sha256Hex(content), readBack.sha256Hex());
    }

    @Test
    void aReadCanStartPartWay() throws IOException {
        BlobKey key = BlobKey.generate("files");
        byte[] content = randomBytes(LARGE);
        store().write(key, new ByteArrayInputStream(content));

        try (InputStream rest = store().read(key, LARGE - 1000)) {
            assertArrayEquals(Arrays.copyOfRange(content, LARGE - 1000, LARGE), rest.readAllBytes());
        }
    }

    @Test
    void aSecondWriteReplacesTheObject() throws IOException {
        BlobKey key = BlobKey.generate("covers");
        store().write(key, text("first version, the longer one"));

        store().write(key, text("second"));

        assertEquals("second", readText(key));
    }

    @Test
    void anEmptyObjectIsAnObject() throws IOException {
        BlobKey key = BlobKey.generate("files");

        store().write(key, InputStream.nullInputStream());

        try (InputStream in = store().read(key)) {
            assertArrayEquals(new byte[0], in.readAllBytes());
        }
    }

    @Test
    void readingAMissingKeyFailsWithNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> store().read(BlobKey.generate("files")).close());
    }

    @Test
    void deleteRemovesTheObjectAndMayBeRepeated() throws IOException {
        BlobKey key = BlobKey.generate("files");
        store().write(key, text("short-lived"));

        store().delete(key);

        assertThrows(NoSuchFileException.class, () -> store().read(key).close());
        assertDoesNotThrow(() -> store().delete(key));
        assertDoesNotThrow(() -> store().delete(BlobKey.generate("files")), "a key that never existed");
    }

    @Test
    void aWriteThatFailsPartWayStoresNothing() {
        BlobKey key = BlobKey.generate("files");
        InputStream tooLarge = new MeteredInputStream(new ByteArrayInputStream(randomBytes(LARGE)), LARGE / 2);

        assertThrows(TooLargeException.class, () -> store().write(key, tooLarge));

        assertThrows(NoSuchFileException.class, () -> store().read(key).close());
    }

    @Test
    void aWriteThatFailsPartWayKeepsThePreviousObject() throws IOException {
        BlobKey key = BlobKey.generate("files");
        store().write(key, text("the good version"));
        InputStream tooLarge = new MeteredInputStream(new ByteArrayInputStream(randomBytes(LARGE)), LARGE / 2);

        assertThrows(TooLargeException.class, () -> store().write(key, tooLarge));

        assertEquals("the good version", readText(key));
    }

    static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    String readText(BlobKey key) throws IOException {
        try (InputStream in = store().read(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
