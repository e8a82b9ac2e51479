package io.skillform.catalog;

/**
 * Something anonymous visitors see has changed (fired inside the transaction that changes it). Observers that
 * keep rendered pages drop them once the transaction has committed.
 */
public record StorefrontChanged(long storeId) {
}
