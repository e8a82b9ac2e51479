package io.skillform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) what passes through, and fails with {@link TooLargeException} as soon as more
 * than the limit has been read — so an oversize upload is refused while streaming, not after it was stored.
 */
public class MeteredInputStream extends FilterInputStream {

    private final long limit;
    private final MessageDigest sha256;
    private long count;

    public MeteredInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha256.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the checksum.
        throw new IOException("Skipping is not supported while metering");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    public long count() {
        return count;
    }

    /** The SHA-256 of everything read so far, in lower-case hex. */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
