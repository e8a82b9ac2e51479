package io.skillform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;

/**
 * Stored bytes. Implementations stream: no method holds a whole object in memory, whatever its size.
 */
public interface BlobStore {

    /**
     * Stores everything the stream yields under the key. Either the whole object becomes visible or nothing
     * does: a failed or aborted write (for instance a {@link TooLargeException} thrown by the stream) leaves
     * no object behind.
     */
    void write(BlobKey key, InputStream content) throws IOException;

    /** The object's bytes; the caller closes the stream. {@link java.nio.file.NoSuchFileException} if absent. */
    InputStream read(BlobKey key) throws IOException;

    /** The object's bytes from {@code offset} on (a resumed download). */
    default InputStream read(BlobKey key, long offset) throws IOException {
        InputStream content = read(key);
        content.skipNBytes(offset);
        return content;
    }

    /**
     * The object as a file channel positioned at {@code offset}, when it is a local file: a server can then hand it to
     * the socket without copying it through the heap (sendfile). Empty for stores that are not local files.
     */
    default Optional<FileChannel> channel(BlobKey key, long offset) throws IOException {
        return Optional.empty();
    }

    /**
     * A URL from which a client may fetch the object itself for {@code lifetime}, answered with the given
     * {@code Content-Disposition} and {@code Content-Type}; empty if this store's bytes are only served by the app.
     */
    default Optional<URI> temporaryUrl(BlobKey key, String contentDisposition, String contentType, Duration lifetime) {
        return Optional.empty();
    }

    /**
     * Where {@link #temporaryUrl}s point, for the pages' Content-Security-Policy: a lesson's video plays from there. Empty
     * if this store's bytes are only served by the app.
     */
    default Optional<String> directOrigin() {
        return Optional.empty();
    }

    /** Removes the object; removing one that is not there is not an error. */
    void delete(BlobKey key) throws IOException;
}
