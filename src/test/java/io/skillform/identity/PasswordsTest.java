package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesWithArgon2idAtOwaspMinimumCost() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(hash.startsWith("$shiro2$argon2id$v=19$t=2,m=19456,p=1$"), hash);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(Passwords.matches("correct horse battery", hash));
        assertFalse(Passwords.matches("correct horse battery ", hash));
        assertFalse(Passwords.matches("Correct horse battery", hash));
        assertFalse(Passwords.matches(null, hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(Passwords.hash("same password"), Passwords.hash("same password"));
    }

    @Test
    void neverTruncates() {
        String longest = "x".repeat(127) + "a";
        String hash = Passwords.hash(longest);
        assertTrue(Passwords.matches(longest, hash));
        assertFalse(Passwords.matches("x".repeat(127) + "b", hash), "the last character counts");
    }

    @Test
    void policyRefusesShortLongAndCommonPasswords() {
        assertTrue(Passwords.problemWith("short1!").isPresent());
        assertTrue(Passwords.problemWith("x".repeat(129)).isPresent());
        assertTrue(Passwords.problemWith("Password123").isPresent(), "common, whatever the case");
        assertTrue(Passwords.problemWith("qwertyuiop").isPresent());
        assertTrue(Passwords.problemWith("ünïcödé-passphrase").isEmpty());
        assertTrue(Passwords.problemWith("ab\uD83D\uDE00cdefg").isEmpty(), "8 code points, emoji counts as one");
        assertThrows(IllegalArgumentException.class, () -> Passwords.hash("password1"));
    }
}
