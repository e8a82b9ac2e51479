package io.skillform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the store by configuration: {@code SKILLFORM_STORAGE=local} (default, folder
 * {@code SKILLFORM_STORAGE_DIR}, else the server's data folder) or {@code s3}.
 */
@ApplicationScoped
public class BlobStores {

    @Inject
    @ConfigProperty(name = "skillform.storage", defaultValue = "local")
    String kind;

    @Inject
    @ConfigProperty(name = "skillform.storage.dir")
    Optional<String> directory;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() throws IOException {
        return switch (kind) {
            case "local" -> new LocalBlobStore(directory.map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "."), "skillform-storage")));
            default -> throw new IllegalStateException("SKILLFORM_STORAGE must be local or s3, not " + kind);
        };
    }
}
