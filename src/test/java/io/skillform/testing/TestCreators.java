package io.skillform.testing;

import io.skillform.identity.TokenSecrets;
import java.sql.SQLException;
import java.util.UUID;

/** Creators made straight in the test database — an account, its store and an API token — for API tests. */
public final class TestCreators {

    private TestCreators() {
    }

    /** A new creator with an empty store of this handle (EUR); returns their API token. */
    public static String withStore(String handle) throws SQLException {
        long account = creator(handle);
        TestDatabase.execute("INSERT INTO store (handle, display_name, default_currency, owner_id, created_at)"
                + " VALUES (?, ?, 'EUR', ?, UTC_TIMESTAMP(6))", handle, handle, account);
        return token(account);
    }

    /** A new creator who has not opened a store yet; returns their API token. */
    public static String withoutStore(String name) throws SQLException {
        return token(creator(name));
    }

    /** Another API token of the creator this token is of (each token has its own rate limit, as each client does). */
    public static String anotherToken(String token) throws SQLException {
        return token(TestDatabase.single("SELECT account_id FROM api_token WHERE token_hash = ?", TokenSecrets.sha256Hex(token)));
    }

    private static long creator(String name) throws SQLException {
        String email = name + "@creators.example.test";
        TestDatabase.execute("INSERT INTO account (email, password_hash, display_name, status, email_verified_at, created_at)"
                + " VALUES (?, 'not-a-password', ?, 'ACTIVE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", email, name);
        long account = TestDatabase.single("SELECT id FROM account WHERE email = ?", email);
        TestDatabase.execute("INSERT INTO account_role (account_id, role) VALUES (?, 'CREATOR')", account);
        return account;
    }

    private static String token(long account) throws SQLException {
        String token = "sfk_" + UUID.randomUUID().toString().replace("-", "");
        TestDatabase.execute("INSERT INTO api_token (account_id, name, token_hash, hint, created_at)"
                + " VALUES (?, 'test', ?, ?, UTC_TIMESTAMP(6))", account, TokenSecrets.sha256Hex(token), token.substring(0, 10));
        return token;
    }
}
