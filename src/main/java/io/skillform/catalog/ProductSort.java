package io.skillform.catalog;

import java.util.Optional;

/** The columns the creator's product table sorts by; anything else from the browser is ignored. */
public enum ProductSort {
    TITLE("p.title"),
    PRICE("p.price.minor"),
    STATUS("p.status"),
    CREATED("p.createdAt");

    private final String path;

    ProductSort(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    public static Optional<ProductSort> of(String field) {
        for (ProductSort sort : values()) {
            if (sort.name().equalsIgnoreCase(field)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
