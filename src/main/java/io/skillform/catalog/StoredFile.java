package io.skillform.catalog;

import io.skillform.storage.BlobKey;

/** Bytes already in the blob store, described by what the server measured — not by what the browser claimed. */
public record StoredFile(BlobKey key, FileName name, String contentType, long size, String sha256) {
}
