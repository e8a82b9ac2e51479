package io.skillform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final Store store = new Store(new StoreHandle("demo"), "Demo Studio", Currency.getInstance("USD"), 1L, T0);

    private Product draft(long priceMinor) {
        return new Product(store, new Slug("ebook"), "  An Ebook ", "text", Money.of(priceMinor, "USD"), T0);
    }

    @Test
    void startsAsADraftWithATrimmedTitle() {
        Product product = draft(1900);
        assertEquals(ProductStatus.DRAFT, product.status());
        assertEquals("An Ebook", product.title());
    }

    @Test
    void publishingKeepsTheFirstPublicationDate() {
        Product product = draft(1900);
        product.publish(T0);
        product.unpublish();
        product.publish(T0.plusSeconds(60));
        assertEquals(ProductStatus.PUBLISHED, product.status());
        assertEquals(T0, product.publishedAt());
    }

    @Test
    void refusesIllegalTransitions() {
        Product product = draft(1900);
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
}
