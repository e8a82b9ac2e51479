package io.skillform.identity;

/** A disabled account can neither log in nor use its API tokens, and loses its open sessions. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
