package io.skillform.catalog;

/** What a product delivers: files to download, or a course taken in the player. Chosen when the product is created. */
public enum ProductType {
    DOWNLOAD, COURSE
}
