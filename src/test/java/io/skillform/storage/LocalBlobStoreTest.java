package io.skillform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    private LocalBlobStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = new LocalBlobStore(root);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void aFailedWriteLeavesNoPartialFileBehind() throws IOException {
        BlobKey key = BlobKey.generate("files");
        InputStream tooLarge = new MeteredInputStream(new ByteArrayInputStream(randomBytes(LARGE)), LARGE / 2);

        assertThrows(TooLargeException.class, () -> store.write(key, tooLarge));

        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }
}
