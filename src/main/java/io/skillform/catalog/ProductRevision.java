package io.skillform.catalog;

/** What a creator submits from the product editor; the entity decides whether it is acceptable. */
public record ProductRevision(String title, String description, long priceMinor, Pricing pricing,
                              int downloadLimit, int linkLifetimeHours) {
}
