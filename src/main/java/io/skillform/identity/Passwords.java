package io.skillform.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;
import org.apache.shiro.crypto.hash.DefaultHashService;
import org.apache.shiro.crypto.hash.Hash;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.crypto.hash.HashService;
import org.apache.shiro.crypto.hash.format.HashFormat;
import org.apache.shiro.crypto.hash.format.Shiro2CryptFormat;
import org.apache.shiro.lang.util.ByteSource;

/**
 * Password policy and hashing. Hashes are Argon2id with OWASP's minimum cost (m = 19 MiB, t = 2, p = 1),
 * computed by Shiro 2 and stored in its crypt format, which carries the parameters: raising the cost later
 * leaves old hashes verifiable.
 */
public final class Passwords {

    public static final String ALGORITHM = "argon2id";
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final HashService HASHES = new DefaultHashService();
    private static final HashFormat FORMAT = new Shiro2CryptFormat();
    /** Verifies any stored Shiro 2 hash: the parameters come from the stored string itself. */
    private static final PasswordService SERVICE = new DefaultPasswordService();
    private static final Set<String> COMMON = loadCommonPasswords();
    /** Verified against when an account does not exist, so that "no such account" costs as much as a wrong password. */
    private static final String DECOY_HASH = hash("decoy-password-for-timing");

    private Passwords() {
    }


    private static Set<String> loadCommonPasswords() {
        try (InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared service, for Shiro's password matcher. */
    public static PasswordService service() {
        return SERVICE;
    }

    /** Why a new password is refused, or empty when it is acceptable. Never truncates. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is too common; choose one that is harder to guess");
        }
        return Optional.empty();
    }

    /** Hashes a password that passed {@link #problemWith}. */
    public static String hash(String password) {
        problemWith(password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        // Built by hand: Shiro's DefaultPasswordService would hash with the library's default cost instead.
        Hash hash = HASHES.computeHash(new HashRequest.Builder()
                .setAlgorithmName(ALGORITHM)
                .setSource(ByteSource.Util.bytes(password))
                .addParameter("Argon2.memoryKib", String.valueOf(MEMORY_KIB))
                .addParameter("Argon2.iterations", String.valueOf(ITERATIONS))
                .addParameter("Argon2.parallelism", String.valueOf(PARALLELISM))
                .build());
        return FORMAT.format(hash);
    }

    public static boolean matches(String password, String storedHash) {
        return password != null && storedHash != null && SERVICE.passwordsMatch(password, storedHash);
    }

    /** Spends the same effort as a real check, for callers that found no account. */
    static void burnEquivalentTime(String password) {
        SERVICE.passwordsMatch(password == null ? "" : password, DECOY_HASH);
    }
}
