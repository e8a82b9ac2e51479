package io.skillform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets and their digests. A token has 256 random bits, so a plain SHA-256 is the right
 * way to store it (unlike a password, it cannot be guessed from a dictionary).
 */
public final class TokenSecrets {

    static final String API_TOKEN_PREFIX = "sfk_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String newApiToken() {
        return API_TOKEN_PREFIX + newLinkToken();
    }

    /** A secret for a link (verification, password reset, download): 256 random bits, URL-safe. */
    public static String newLinkToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What the owner sees to recognise a token: the prefix and the next few characters. */
    static String hintOf(String token) {
        return token.substring(0, Math.min(token.length(), 10));
    }
}
