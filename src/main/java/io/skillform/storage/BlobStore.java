package io.skillform.storage;

import java.io.IOException;
import java.io.InputStream;

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

    /** Removes the object; removing one that is not there is not an error. */
    void delete(BlobKey key) throws IOException;
}
