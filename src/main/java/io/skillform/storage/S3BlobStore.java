package io.skillform.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in one bucket of Amazon S3 or any S3-compatible store (MinIO, Ceph, R2, …), under the key's value.
 * Holds an HTTP client: close the store when the application stops.
 *
 * <p>Stores that reject the SDK's default CRC32 request checksums (some non-AWS ones do) accept uploads once
 * {@code AWS_REQUEST_CHECKSUM_CALCULATION=when_required} is set; the SDK reads that setting itself.
 */
public class S3BlobStore implements BlobStore, Closeable {

    /**
     * Where the bucket is and how to reach it.
     *
     * @param endpoint only for stores other than AWS (e.g. {@code http://minio:9000})
     * @param accessKey with {@code secretKey}, or neither: then the SDK's default credentials chain (environment,
     *     profile, container or instance role) applies
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, which emulators and
     *     most self-hosted stores need
     */
    public record Settings(String bucket, String region, Optional<URI> endpoint, Optional<String> accessKey,
            Optional<String> secretKey, boolean pathStyle) {

        public Settings {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("An S3 bucket is required");
            }
            if (accessKey.isPresent() != secretKey.isPresent()) {
                // One without the other is a typo, not a request for the default chain.
                throw new IllegalArgumentException("Give both the S3 access key and the secret key, or neither");
            }
        }
    }

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    /** The scheme and authority of the pre-signed URLs. */
    private final String origin;
    private final Path spoolDirectory;

    /** {@code spoolDirectory} holds each upload on disk until it has been read to its end. */
    public S3BlobStore(Settings settings, Path spoolDirectory) throws IOException {
        this.spoolDirectory = Files.createDirectories(spoolDirectory);
        this.bucket = settings.bucket();
        this.client = clientFor(settings);
        this.presigner = presignerFor(settings);
        URI signed = temporaryUrl(new BlobKey("files/" + "0".repeat(32)), "inline", "application/octet-stream", Duration.ofMinutes(1)).orElseThrow();
        this.origin = signed.getScheme() + "://" + signed.getRawAuthority();
    }

    private static S3Client clientFor(Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                // Named, not found by a class-path search: the SDK's default (Apache) client is left out of the WAR.
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.accessKey().ifPresent(accessKey -> builder.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey, settings.secretKey().orElseThrow()))));
        return builder.build();
    }

    private static S3Presigner presignerFor(Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.accessKey().ifPresent(accessKey -> builder.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey, settings.secretKey().orElseThrow()))));
        return builder.build();
    }

    /**
     * The stream is spooled to a temporary file first: PutObject needs the length up front (the SDK would
     * otherwise buffer the whole stream in memory), and a stream that fails part-way — a
     * {@link TooLargeException}, a dropped upload — fails before any request is sent, so nothing is stored. A
     * PutObject itself replaces an object whole or not at all.
     */
    @Override
    public void write(BlobKey key, InputStream content) throws IOException {
        Path spool = Files.createTempFile(spoolDirectory, "s3-upload-", "");
        try {
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            client.putObject(request -> request.bucket(bucket).key(key.value()), RequestBody.fromFile(spool));
        } catch (SdkException e) {
            throw failed("write", key, e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public InputStream read(BlobKey key) throws IOException {
        try {
            return client.getObject(request -> request.bucket(bucket).key(key.value()));
        } catch (NoSuchKeyException e) {
            NoSuchFileException missing = new NoSuchFileException(key.value());
            missing.initCause(e);
            throw missing;
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    /** A pre-signed GET: signed here, no request to S3; the URL carries the download's name and type. */
    @Override
    public Optional<String> directOrigin() {
        return Optional.of(origin);
    }

    @Override
    public Optional<URI> temporaryUrl(BlobKey key, String contentDisposition, String contentType, Duration lifetime) {
        try {
            return Optional.of(presigner.presignGetObject(presign -> presign.signatureDuration(lifetime)
                            .getObjectRequest(get -> get.bucket(bucket).key(key.value())
                                    .responseContentDisposition(contentDisposition).responseContentType(contentType)))
                    .url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK signed an invalid URL", e);
        }
    }

    /** S3 answers a delete of a missing key with success, which is the idempotence the contract asks for. */
    @Override
    public void delete(BlobKey key) throws IOException {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw failed("delete", key, e);
        }
    }

    // The SDK's exceptions are unchecked; callers of a BlobStore handle storage trouble as IOException.
    private IOException failed(String operation, BlobKey key, SdkException cause) {
        return new IOException("S3 " + operation + " of " + bucket + "/" + key.value() + " failed", cause);
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
