package io.skillform.course;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed address of a lesson's media file for one learner ({@code /lesson-media/<file>?e=<enrolment>&x=<expiry>&s=…}):
 * good until it expires, and only while the enrolment lasts (the servlet checks; 0 is a free preview's, for anyone).
 * Signed with HMAC-SHA256 rather than stored, as a video's player asks for dozens of ranges of it.
 */
record MediaAddress(long fileId, long enrolmentId, long expiresAtSecond) {

    static final String PATH = "/lesson-media/";
    static final String SECRET = "lesson-media";

    String path(byte[] key) {
        return PATH + fileId + "?e=" + enrolmentId + "&x=" + expiresAtSecond + "&s=" + signature(key);
    }

    Instant expiresAt() {
        return Instant.ofEpochSecond(expiresAtSecond);
    }

    /** The address a request names, if its signature is right and it has not expired. */
    static Optional<MediaAddress> verified(String file, String enrolment, String expiry, String signature, byte[] key, Instant now) {
        MediaAddress address;
        try {
            address = new MediaAddress(Long.parseLong(file), Long.parseLong(enrolment), Long.parseLong(expiry));
        } catch (NumberFormatException | NullPointerException malformed) {
            return Optional.empty();
        }
        boolean genuine = signature != null && MessageDigest.isEqual(address.signature(key).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return genuine && now.getEpochSecond() < address.expiresAtSecond ? Optional.of(address) : Optional.empty();
    }

    private String signature(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((fileId + "." + enrolmentId + "." + expiresAtSecond).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
