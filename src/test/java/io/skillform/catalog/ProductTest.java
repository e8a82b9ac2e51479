package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final Store store = new Store(new StoreHandle("demo"), "Demo Studio", Currency.getInstance("USD"), 1L, T0);

    private Product draft(long priceMinor) {
        return new Product(store, new Slug("ebook"), "  An Ebook ", "text", Money.of(priceMinor, "USD"), T0);
    }

    private static Product withFile(Product product) {
        product.attach(new StoredFile(BlobKey.generate("files"), FileName.sanitize("book.pdf"), "application/pdf", 10,
                "0".repeat(64)), T0);
        return product;
    }

    @Test
    void startsAsADraftWithATrimmedTitle() {
        Product product = draft(1900);
        assertEquals(ProductStatus.DRAFT, product.status());
        assertEquals("An Ebook", product.title());
    }

    @Test
    void publishingKeepsTheFirstPublicationDate() {
        Product product = withFile(draft(1900));
        product.publish(T0);
        product.unpublish();
        product.publish(T0.plusSeconds(60));
        assertEquals(ProductStatus.PUBLISHED, product.status());
        assertEquals(T0, product.publishedAt());
    }

    @Test
    void refusesIllegalTransitions() {
        Product product = withFile(draft(1900));
        assertThrows(IllegalStateException.class, product::unpublish);
        product.archive();
        assertThrows(IllegalStateException.class, () -> product.publish(T0));
        assertEquals(ProductStatus.ARCHIVED, product.status());
    }

    @Test
    void refusesANegativePriceOrEmptyTitle() {
        assertThrows(IllegalArgumentException.class, () -> draft(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new Product(store, new Slug("x"), "   ", "", Money.of(100, "USD"), T0));
    }

    @Test
    void aZeroPriceIsFree() {
        assertTrue(draft(0).isFree());
    }

    @Test
    void cannotBePublishedWithoutAFile() {
        Product product = draft(1900);
        assertThrows(IllegalStateException.class, () -> product.publish(T0));
        assertEquals(ProductStatus.DRAFT, product.status());
    }

    @Test
    void anArchivedProductCannotBeChanged() {
        Product product = withFile(draft(1900));
        product.archive();
        assertThrows(IllegalStateException.class, () -> product.revise("New", "", Money.of(1, "USD"), Pricing.FIXED,
                DownloadPolicy.defaults()));
        assertThrows(IllegalStateException.class, () -> withFile(product));
        assertThrows(IllegalStateException.class, () -> product.changeCover(BlobKey.generate("covers")));
        assertThrows(IllegalStateException.class, product::archive);
    }

    @Test
    void aFixedPriceAcceptsExactlyThePrice() {
        Product product = draft(1900);
        assertTrue(product.accepts(Money.of(1900, "USD")));
        assertFalse(product.accepts(Money.of(2000, "USD")));
        assertFalse(product.accepts(Money.of(1900, "EUR")));
    }

    @Test
    void payWhatYouWantAcceptsTheMinimumOrMore() {
        Product product = draft(0);
        product.revise("PWYW", "", Money.of(500, "USD"), Pricing.PAY_WHAT_YOU_WANT, DownloadPolicy.defaults());
        assertFalse(product.isFree());
        assertTrue(product.accepts(Money.of(500, "USD")));
        assertTrue(product.accepts(Money.of(10_000, "USD")));
        assertFalse(product.accepts(Money.of(499, "USD")));
        assertTrue(product.accepts(Money.of(Product.MAX_PRICE_MINOR, "USD")));
        assertFalse(product.accepts(Money.of(Product.MAX_PRICE_MINOR + 1, "USD")), "no more than any price may be");
    }

    @Test
    void theDescriptionIsRenderedWithoutScripts() {
        Product product = draft(100);
        product.revise("T", "**Bold** <script>alert(1)</script>", Money.of(100, "USD"), Pricing.FIXED, DownloadPolicy.defaults());
        assertTrue(product.descriptionHtml().contains("<strong>Bold</strong>"), product.descriptionHtml());
        assertFalse(product.descriptionHtml().contains("<script"), product.descriptionHtml());
    }

    @Test
    void aDescriptionIsAtMostWhatTheEditorAllows() {
        Product product = draft(100);
        String longest = "a".repeat(Product.MAX_DESCRIPTION_LENGTH);
        product.revise("T", longest, Money.of(100, "USD"), Pricing.FIXED, DownloadPolicy.defaults());
        assertEquals(longest, product.description());
        // The browser counts a line break once but sends it as CR LF.
        String lines = "abc\r\n".repeat(Product.MAX_DESCRIPTION_LENGTH / 4);
        assertEquals(lines, Product.requireDescription(lines));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> product.revise("T", longest + "a",
                Money.of(100, "USD"), Pricing.FIXED, DownloadPolicy.defaults()));
        assertEquals("A description is at most 50,000 characters", refused.getMessage());
        assertEquals(longest, product.description(), "unchanged");
    }

    @Test
    void aDescriptionWhosePageWouldBeHugeIsRefused() {
        // A long link reference, used thousands of times: 37 KB of Markdown would be 10 MB of HTML.
        String bomb = "[b]: https://example.com/" + "x".repeat(2_000) + "\n\n" + "[a][b] ".repeat(5_000);
        Product product = draft(100);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> product.revise("T", bomb,
                Money.of(100, "USD"), Pricing.FIXED, DownloadPolicy.defaults()));
        assertTrue(refused.getMessage().startsWith("This description would make too large a page"), refused.getMessage());
        assertEquals("text", product.description(), "unchanged");
        assertEquals("<p>text</p>\n", product.descriptionHtml());
        assertThrows(IllegalArgumentException.class, () -> new Product(store, new Slug("bomb"), "T", bomb, Money.of(100, "USD"), T0));
    }

    @Test
    void aDownloadPolicyStaysWithinItsBounds() {
        assertThrows(IllegalArgumentException.class, () -> new DownloadPolicy(0, 72));
        assertThrows(IllegalArgumentException.class, () -> new DownloadPolicy(5, 721));
        assertEquals(24, DownloadPolicy.defaults().linkLifetimeHours());
    }
}
