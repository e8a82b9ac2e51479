package io.skillform.testing;

import io.skillform.identity.Account;
import io.skillform.identity.Accounts;
import io.skillform.identity.EmailAddress;
import io.skillform.identity.Role;
import java.util.Set;
import java.util.UUID;

/** Fresh accounts for in-container tests, each with its own address so tests never depend on each other. */
public final class TestAccounts {

    public static final String PASSWORD = "a long passphrase";

    private TestAccounts() {
    }

    public static EmailAddress uniqueEmail() {
        return new EmailAddress("it-" + UUID.randomUUID() + "@example.test");
    }

    public static Account creator(Accounts accounts) {
        return accounts.register(uniqueEmail(), "Creator", PASSWORD, Set.of(Role.CREATOR, Role.CUSTOMER));
    }
}
