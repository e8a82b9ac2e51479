package io.skillform.catalog;

/**
 * A product was published, unpublished, archived or revised ({@code change}: "product.published", …,
 * "product.updated"), fired inside the transaction that changes it (creators' webhooks observe it).
 */
public record ProductChanged(long productId, String change) {
}
