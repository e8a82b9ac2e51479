package io.skillform.catalog;

/** A product was created (fired inside its transaction): a course's curriculum starts with it. */
public record ProductCreated(long productId, ProductType type) {
}
