package io.skillform.catalog;

/**
 * A file was added to a product, inside the transaction that adds it: past buyers receive it too, as an update to
 * what they bought (delivery observes this in the same transaction).
 */
public record ProductFileAdded(long productId, long fileId) {
}
