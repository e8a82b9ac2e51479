package io.skillform.catalog;

import java.util.List;

/** One page of storefront search results; pages count from 1. */
public record SearchResults(List<Product> products, long total, int page, int pageSize) {

    public static SearchResults none(int pageSize) {
        return new SearchResults(List.of(), 0, 1, pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
