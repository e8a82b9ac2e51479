package io.skillform.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks format: {@code whsec_} and the base64 of the key. The key
 * itself is the decoded part (32 random bytes for ours; at least 24 accepted, as the specification's examples use).
 */
public record WebhookSecret(String value) {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is " + PREFIX + " and base64", e);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A webhook secret has at least " + MIN_KEY_BYTES + " bytes of key");
        }
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key. */
    byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** Never the secret itself in logs or exception messages. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
