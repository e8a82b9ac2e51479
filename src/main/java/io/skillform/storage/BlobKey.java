package io.skillform.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a stored object: a kind ("files", "covers") and 128 random bits. Never derived from an uploaded
 * file's name, so nothing a user sends can choose or guess where bytes are written.
 */
public record BlobKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z]{1,16}/[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public BlobKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + value);
        }
    }

    public static BlobKey generate(String kind) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BlobKey(kind + "/" + HexFormat.of().formatHex(bytes));
    }

    public String kind() {
        return value.substring(0, value.indexOf('/'));
    }

    /** The random part, which is also safe to show in a URL. */
    public String id() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
