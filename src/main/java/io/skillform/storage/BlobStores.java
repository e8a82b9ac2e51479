package io.skillform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the store by configuration: {@code SKILLFORM_STORAGE=local} (default, folder
 * {@code SKILLFORM_STORAGE_DIR}, else the server's data folder) or {@code s3} (bucket {@code SKILLFORM_S3_BUCKET},
 * and {@code SKILLFORM_S3_REGION}, {@code SKILLFORM_S3_ENDPOINT}, {@code SKILLFORM_S3_ACCESS_KEY} +
 * {@code SKILLFORM_S3_SECRET_KEY}, {@code SKILLFORM_S3_PATH_STYLE} as {@link S3BlobStore.Settings} describes).
 */
@ApplicationScoped
public class BlobStores {

    @Inject
    @ConfigProperty(name = "skillform.storage", defaultValue = "local")
    String kind;

    @Inject
    @ConfigProperty(name = "skillform.storage.dir")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "skillform.s3.bucket")
    Optional<String> s3Bucket;

    @Inject
    @ConfigProperty(name = "skillform.s3.region", defaultValue = "us-east-1")
    String s3Region;

    @Inject
    @ConfigProperty(name = "skillform.s3.endpoint")
    Optional<String> s3Endpoint;

    @Inject
    @ConfigProperty(name = "skillform.s3.access-key")
    Optional<String> s3AccessKey;

    @Inject
    @ConfigProperty(name = "skillform.s3.secret-key")
    Optional<String> s3SecretKey;

    @Inject
    @ConfigProperty(name = "skillform.s3.path-style", defaultValue = "false")
    boolean s3PathStyle;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() throws IOException {
        return switch (kind) {
            case "local" -> new LocalBlobStore(directory.map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "."), "skillform-storage")));
            case "s3" -> new S3BlobStore(s3Settings(), Path.of(
                    System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")),
                    "skillform-uploads"));
            default -> throw new IllegalStateException("SKILLFORM_STORAGE must be local or s3, not " + kind);
        };
    }

    private S3BlobStore.Settings s3Settings() {
        String bucket = s3Bucket.orElseThrow(
                () -> new IllegalStateException("SKILLFORM_STORAGE=s3 needs SKILLFORM_S3_BUCKET"));
        return new S3BlobStore.Settings(bucket, s3Region, s3Endpoint.map(URI::create), s3AccessKey, s3SecretKey,
                s3PathStyle);
    }

    void close(@Disposes BlobStore store) throws IOException {
        if (store instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
