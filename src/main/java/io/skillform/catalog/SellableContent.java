package io.skillform.catalog;

import java.util.Optional;

/**
 * The content of a product type that lives outside the catalog (a course's curriculum), asked before such a product
 * is published: a port, so the catalog needs to know no course to refuse selling an empty one.
 */
public interface SellableContent {

    ProductType type();

    /** Why the product cannot be sold yet, in words for its creator; empty when it can. */
    Optional<String> notReadyToSell(long productId);
}
