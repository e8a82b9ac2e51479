/**
 * Where uploaded bytes live: a {@link io.skillform.storage.BlobStore} chosen by configuration, the local file
 * system by default or any S3-compatible store. Keys are always generated here, never taken from user input.
 */
package io.skillform.storage;
