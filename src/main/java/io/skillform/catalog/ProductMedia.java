package io.skillform.catalog;

import io.skillform.storage.BlobKey;
import io.skillform.storage.BlobStore;
import io.skillform.storage.MeteredInputStream;
import io.skillform.storage.UploadLimits;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tika.Tika;

/**
 * Uploads for products (and a store's avatar and banner): the bytes go to the blob store first, outside any transaction (a 2 GiB file must not hold
 * a database transaction open for minutes), then one short {@link Catalog} transaction records them. If that
 * fails, the bytes are deleted again, so a refused upload leaves nothing behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductMedia {

    private static final Logger LOG = Logger.getLogger(ProductMedia.class.getName());
    /** Magic-number detection reads only the first bytes; one instance is thread-safe and costly to build. */
    private static final Tika TIKA = new Tika();

    @Inject
    private Catalog catalog;

    @Inject
    private BlobStore blobs;

    @Inject
    private UploadLimits limits;

    /**
     * @throws io.skillform.storage.TooLargeException past the configured size limit (nothing is kept)
     * @throws CatalogException when the product is not the creator's or cannot take another file
     */
    public ProductFile addFile(long ownerId, long productId, String uploadedName, InputStream content) throws IOException {
        catalog.ownedProduct(ownerId, productId); // refuse someone else's product before storing a byte
        BlobKey key = BlobKey.generate("files");
        MeteredInputStream metered = new MeteredInputStream(content, limits.getMaxFileBytes());
        BufferedInputStream buffered = new BufferedInputStream(metered, 64 * 1024);
        FileName name = FileName.sanitize(uploadedName);
        String contentType = TIKA.detect(buffered, name.value()); // peeks with mark/reset: every byte is still stored
        blobs.write(key, buffered);
        StoredFile stored = new StoredFile(key, name, contentType, metered.count(), metered.sha256Hex());
        try {
            return catalog.attachFile(ownerId, productId, stored);
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
    }

    /** Replaces the cover with a normalised copy of the uploaded image; the old cover's bytes are deleted. */
    public void changeCover(long ownerId, long productId, InputStream content) throws IOException {
        catalog.ownedProduct(ownerId, productId);
        replaceImage(content, key -> catalog.changeCover(ownerId, productId, key));
    }

    /** A new avatar or banner for the creator's store, normalised like a cover; the old one's bytes are deleted. */
    public void changeStoreImage(long ownerId, StoreImage image, InputStream content) throws IOException {
        replaceImage(content, key -> catalog.changeStoreImage(ownerId, image, key));
    }

    /** Stores a normalised copy of the image, points at it ({@code change} returns what it replaced) and deletes that. */
    private void replaceImage(InputStream content, Function<BlobKey, Optional<BlobKey>> change) throws IOException {
        BlobKey key = BlobKey.generate("covers");
        blobs.write(key, new ByteArrayInputStream(CoverImage.normalize(content)));
        Optional<BlobKey> previous;
        try {
            previous = change.apply(key);
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
        previous.ifPresent(this::discard);
    }

    /** An image for the product's gallery, normalised like a cover. */
    public void addImage(long ownerId, long productId, InputStream content) throws IOException {
        catalog.ownedProduct(ownerId, productId);
        BlobKey key = BlobKey.generate("covers");
        blobs.write(key, new ByteArrayInputStream(CoverImage.normalize(content)));
        record(key, () -> catalog.addImage(ownerId, productId, key));
    }

    public void removeImage(long ownerId, long productId, BlobKey image) {
        catalog.removeImage(ownerId, productId, image);
        discard(image);
    }

    /**
     * Duplicates the product (see {@link Catalog#duplicate}), then gives the copy a cover and gallery of its own bytes:
     * a replaced or removed image's bytes are deleted, so two products never share them.
     */
    public Product duplicate(long ownerId, long productId) throws IOException {
        Product copy = catalog.duplicate(ownerId, productId);
        Product original = catalog.ownedProduct(ownerId, productId);
        if (original.cover().isPresent()) {
            BlobKey key = copyOf(original.cover().get());
            record(key, () -> catalog.changeCover(ownerId, copy.id(), key));
        }
        for (BlobKey image : original.images()) {
            BlobKey key = copyOf(image);
            record(key, () -> catalog.addImage(ownerId, copy.id(), key));
        }
        return copy;
    }

    private BlobKey copyOf(BlobKey image) throws IOException {
        BlobKey key = BlobKey.generate("covers");
        try (InputStream bytes = blobs.read(image)) {
            blobs.write(key, bytes);
        }
        return key;
    }

    /** Records bytes already stored; if that is refused, the bytes go again. */
    private void record(BlobKey key, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
    }

    /** One of the product's current files, for the creator's editor. */
    public Optional<ProductFile> fileOf(long ownerId, long productId, long fileId) {
        catalog.ownedProduct(ownerId, productId);
        return catalog.filesOf(productId).stream().filter(file -> file.id() == fileId).findFirst();
    }

    public Product removeFile(long ownerId, long productId, long fileId) {
        // The bytes stay: buyers who paid before the removal can still download the file.
        return catalog.removeFile(ownerId, productId, fileId);
    }

    private void discard(BlobKey key) {
        try {
            blobs.delete(key);
        } catch (IOException e) {
            // Unreferenced bytes cost only space; the user's action already has its answer.
            LOG.log(Level.WARNING, "Could not delete unreferenced blob " + key, e);
        }
    }
}
