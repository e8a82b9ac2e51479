package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.identity.Accounts;
import io.skillform.storage.BlobStore;
import io.skillform.testing.Deployments;
import io.skillform.testing.TestAccounts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalog service in a real WildFly on MariaDB with the Liquibase schema, through EclipseLink. */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(CatalogIT.class, TestAccounts.class);
    }

    @Inject
    Catalog catalog;

    @Inject
    Accounts accounts;

    @Inject
    ProductMedia media;

    @Inject
    BlobStore blobs;

    private long owner() {
        return TestAccounts.creator(accounts).id();
    }

    @Resource(lookup = "java:jboss/datasources/SkillFormDS")
    DataSource db;

    private static StoreHandle uniqueHandle() {
        return new StoreHandle("it-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aPublishedProductIsStoredAndReadBack() throws SQLException, IOException {
        StoreHandle handle = uniqueHandle();
        long owner = owner();
        Store store = catalog.openStore(handle, "Integration Store", Currency.getInstance("EUR"), owner);
        Product created = catalog.createProduct(owner, new Slug("field-guide"), "Field Guide", "Notes.", 2450);
        assertEquals("Add at least one file before publishing: buyers must get something",
                assertThrows(CatalogException.class, () -> catalog.publish(owner, created.id())).getMessage());
        media.addFile(owner, created.id(), "guide.pdf", pdf());
        catalog.publish(owner, created.id());

        Product read = catalog.findPublished(handle, new Slug("field-guide")).orElseThrow();
        assertEquals("Field Guide", read.title());
        assertEquals(2450, read.price().minor());
        assertEquals(Currency.getInstance("EUR"), read.price().currency());
        assertEquals(handle, read.store().handle());

        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT p.price_minor, p.price_currency, p.status, p.published_at IS NOT NULL"
                             + " FROM product p JOIN store s ON s.id = p.store_id WHERE s.handle = ? AND p.slug = ?")) {
            q.setString(1, handle.value());
            q.setString(2, "field-guide");
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                assertEquals(2450, row.getLong(1));
                assertEquals("EUR", row.getString(2));
                assertEquals("PUBLISHED", row.getString(3));
                assertTrue(row.getBoolean(4));
            }
        }
    }

    @Test
    void aDraftIsInvisibleToBuyers() {
        StoreHandle handle = uniqueHandle();
        long owner = owner();
        Store store = catalog.openStore(handle, "Drafts Only", Currency.getInstance("USD"), owner);
        catalog.createProduct(owner, new Slug("secret"), "Secret", "", 100);

        assertTrue(catalog.findPublished(handle, new Slug("secret")).isEmpty());
        assertTrue(catalog.publishedIn(store, 10).isEmpty());
        assertFalse(catalog.latestPublished(100).stream().anyMatch(p -> p.store().handle().equals(handle)));
    }

    @Test
    void aTakenHandleOrSlugIsRefusedAndNothingChanges() throws SQLException {
        StoreHandle handle = uniqueHandle();
        long owner = owner();
        Store store = catalog.openStore(handle, "First", Currency.getInstance("USD"), owner);
        catalog.createProduct(owner, new Slug("one"), "One", "", 100);

        assertThrows(CatalogException.class, () -> catalog.openStore(handle, "Second", Currency.getInstance("USD"), owner()));
        assertThrows(CatalogException.class, () -> catalog.createProduct(owner, new Slug("one"), "Again", "", 200));
        assertEquals(1, count("SELECT COUNT(*) FROM store WHERE handle = ?", handle.value()));
        assertEquals(1, count("SELECT COUNT(*) FROM product WHERE store_id = " + store.id() + " AND slug = ?", "one"));
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsStored() throws SQLException {
        StoreHandle handle = uniqueHandle();
        long owner = owner();
        Store store = catalog.openStore(handle, "Validating", Currency.getInstance("USD"), owner);
        CatalogException negative = assertThrows(CatalogException.class,
                () -> catalog.createProduct(owner, new Slug("neg"), "Negative", "", -5));
        assertEquals("A price cannot be negative", negative.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM product WHERE store_id = " + store.id() + " AND slug = ?", "neg"));
    }

    @Test
    void aCreatorCannotSeeOrChangeAnotherCreatorsProduct() throws SQLException {
        long owner = owner();
        catalog.openStore(uniqueHandle(), "Owner's", Currency.getInstance("USD"), owner);
        long productId = catalog.createProduct(owner, new Slug("private"), "Private", "Mine.", 500).id();
        long intruder = owner();
        catalog.openStore(uniqueHandle(), "Intruder's", Currency.getInstance("USD"), intruder);

        for (var attempt : List.<Executable>of(
                () -> catalog.ownedProduct(intruder, productId),
                () -> catalog.reviseProduct(intruder, productId,
                        new ProductRevision("Hijacked", "", 1, Pricing.FIXED, 5, 72)),
                () -> catalog.publish(intruder, productId),
                () -> catalog.archive(intruder, productId),
                () -> media.addFile(intruder, productId, "malware.exe", pdf()),
                () -> media.changeCover(intruder, productId, pdf()))) {
            assertEquals("No such product", assertThrows(CatalogException.class, attempt).getMessage());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM product WHERE id = " + productId
                + " AND title = 'Private' AND price_minor = 500 AND status = ? AND cover_key IS NULL", "DRAFT"));
        assertEquals(0, count("SELECT COUNT(*) FROM product_file WHERE product_id = " + productId + " AND '' = ?", ""));
        assertEquals(0, catalog.countProductsOf(intruder));
    }

    @Test
    void anUploadIsStoredUnderAGeneratedKeyWithItsMeasuredSizeTypeAndChecksum() throws Exception {
        long owner = owner();
        catalog.openStore(uniqueHandle(), "Files", Currency.getInstance("USD"), owner);
        long productId = catalog.createProduct(owner, new Slug("files"), "Files", "", 900).id();
        byte[] content = pdfBytes();

        ProductFile file = media.addFile(owner, productId, "../../etc/Über Guide\u0000.pdf", new ByteArrayInputStream(content));

        assertEquals("Über Guide_.pdf", file.fileName().value(), "no path, no control character");
        assertEquals("application/pdf", file.contentType(), "detected from the bytes");
        assertEquals(content.length, file.sizeBytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), file.sha256());
        assertTrue(file.storageKey().value().matches("files/[0-9a-f]{32}"), file.storageKey().value());
        try (InputStream stored = blobs.read(file.storageKey())) {
            assertTrue(java.util.Arrays.equals(content, stored.readAllBytes()));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM product_file WHERE product_id = " + productId
                + " AND size_bytes = " + content.length + " AND sha256 = ?", file.sha256()));

        // Removing keeps the bytes and the row for buyers who paid before; new buyers no longer get it.
        Product afterRemoval = media.removeFile(owner, productId, file.id());
        assertTrue(afterRemoval.currentFiles().isEmpty());
        assertEquals(1, afterRemoval.filesFor(file.addedAt()).size());
        try (InputStream stored = blobs.read(file.storageKey())) {
            assertEquals(content.length, stored.readAllBytes().length);
        }
    }

    @Test
    void searchFindsPublishedProductsByWordPrefixPageByPage() throws IOException {
        long owner = owner();
        catalog.openStore(uniqueHandle(), "Searchable", Currency.getInstance("USD"), owner);
        // Six random letters: a UUID's hex digits sometimes hold fewer than six (the test then failed by itself).
        String word = "zq" + ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        for (int i = 1; i <= 14; i++) {
            long id = catalog.createProduct(owner, new Slug("found-" + i), "Lesson " + i + " " + word + "ology", "", 100).id();
            media.addFile(owner, id, "lesson.pdf", pdf());
            if (i != 14) {
                catalog.publish(owner, id); // the 14th stays a draft: never found
            }
        }
        SearchQuery query = SearchQuery.parse(word.substring(0, 5)).orElseThrow();
        SearchResults first = catalog.search(query, 1, 12);
        assertEquals(13, first.total());
        assertEquals(12, first.products().size());
        assertTrue(first.hasNext());
        SearchResults second = catalog.search(query, 2, 12);
        assertEquals(1, second.products().size());
        assertFalse(second.hasNext());
        assertTrue(second.hasPrevious());
        assertEquals(13, java.util.stream.Stream.concat(first.products().stream(), second.products().stream())
                .map(Product::id).distinct().count(), "pages do not overlap");
        assertEquals(13, catalog.search(SearchQuery.parse("+" + word + "* -\"\"()").orElseThrow(), 1, 12).total(),
                "operators typed by a visitor are not interpreted");
    }

    private static InputStream pdf() {
        return new ByteArrayInputStream(pdfBytes());
    }

    private static byte[] pdfBytes() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
