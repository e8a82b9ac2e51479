package io.skillform.webhook;

/** An endpoint's new signing secret, returned once to be shown once. */
public record IssuedSecret(long endpointId, String url, String secret) {
}
