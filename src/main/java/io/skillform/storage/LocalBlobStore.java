package io.skillform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Objects as files under one folder ({@code SKILLFORM_STORAGE_DIR}), fanned out by the key's first two hex
 * digits so no directory grows huge. The folder is outside the web root: nothing here is ever served directly.
 */
public class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public void write(BlobKey key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path folder = Files.createDirectories(target.getParent());
        // Written beside the target, then renamed: readers never see half an object.
        Path partial = Files.createTempFile(folder, ".partial-", "");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(BlobKey key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    /** Positioned, not skipped: resuming near the end of a large file reads nothing before it. */
    @Override
    public InputStream read(BlobKey key, long offset) throws IOException {
        return Channels.newInputStream(channel(key, offset).orElseThrow());
    }

    @Override
    public Optional<FileChannel> channel(BlobKey key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
        try {
            return Optional.of(channel.position(offset));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(BlobKey key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    Path pathOf(BlobKey key) {
        return root.resolve(key.kind()).resolve(key.id().substring(0, 2)).resolve(key.id());
    }
}
