package io.skillform.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The number people quote for an order ("3F9A2-C81B0"), in mails, the library and the dashboard. Sequential ids
 * told every buyer how many orders a store had ("Order #5"), and the order's reference is its secret address, so
 * the number is a digest of the reference: stable, short enough to read over the phone, revealing neither.
 */
public final class OrderNumber {

    private OrderNumber() {
    }

    public static String of(String reference) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest, 0, 5).toUpperCase(Locale.ROOT);
            return hex.substring(0, 5) + "-" + hex.substring(5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
