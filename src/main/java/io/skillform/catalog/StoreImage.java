package io.skillform.catalog;

/** The two images of a store's page: the avatar beside its name, the banner across its top. */
public enum StoreImage {
    AVATAR, BANNER
}
