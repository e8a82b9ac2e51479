package io.skillform.catalog;

import java.time.Instant;
import java.util.Objects;

/** Where a page of a store's published products ends: newest first, by publication time and then id. */
public record ProductPosition(Instant publishedAt, long id) {

    public ProductPosition {
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    public static ProductPosition of(Product product) {
        return new ProductPosition(product.publishedAt(), product.id());
    }
}
