package io.skillform.catalog;

/** Where a product is in its life: only {@link #PUBLISHED} products are visible to buyers. */
public enum ProductStatus {
    DRAFT,
    PUBLISHED,
    UNPUBLISHED,
    ARCHIVED
}
