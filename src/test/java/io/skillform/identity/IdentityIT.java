package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.catalog.Catalog;
import io.skillform.testing.Deployments;
import io.skillform.testing.TestAccounts;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts, API tokens and the log-in throttle against the real database. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(IdentityIT.class, TestAccounts.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens apiTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountAdministration administration;

    @Inject
    AccountSettings settings;

    @Inject
    Catalog catalog;

    @Test
    void aStoreOpensOnlyInACurrencyThePlatformsFeesCover() {
        Account buyer = accounts.register(TestAccounts.uniqueEmail(), "Bola", TestAccounts.PASSWORD, Set.of(Role.CUSTOMER));
        String handle = "ngn-" + UUID.randomUUID().toString().substring(0, 8);

        IdentityException refused = assertThrows(IdentityException.class, () -> settings.becomeCreator(buyer.id(), handle, "Lagos", "CHF"));
        assertTrue(refused.getMessage().startsWith("SkillForm does not take payments in CHF; choose one of AUD, CAD, EUR, GBP, GHS,"),
                refused.getMessage());
        assertTrue(catalog.storeOf(buyer.id()).isEmpty(), "nothing is opened");
        assertEquals(Set.of(Role.CUSTOMER), accounts.find(buyer.id()).orElseThrow().roles());

        settings.becomeCreator(buyer.id(), handle, "Lagos", "NGN");
        assertEquals(Currency.getInstance("NGN"), catalog.storeOf(buyer.id()).orElseThrow().defaultCurrency());
    }

    private Account creator() {
        return TestAccounts.creator(accounts);
    }

    @Test
    void aRegisteredAccountIsStoredWithAnArgon2idHash() {
        EmailAddress email = TestAccounts.uniqueEmail();
        accounts.register(email, "Ann", "a long passphrase", Set.of(Role.CUSTOMER));

        Account stored = accounts.findByEmail(email).orElseThrow();
        assertTrue(stored.passwordHash().startsWith("$shiro2$argon2id$v=19$t=2,m=19456,p=1$"));
        assertTrue(Passwords.matches("a long passphrase", stored.passwordHash()));
        assertEquals(Set.of(Role.CUSTOMER), stored.roles());
        assertThrows(IdentityException.class,
                () -> accounts.register(email, "Ann again", "another long passphrase", Set.of(Role.CUSTOMER)));
        assertThrows(IdentityException.class,
                () -> accounts.register(TestAccounts.uniqueEmail(), "Weak", "password123", Set.of(Role.CUSTOMER)));
    }

    @Test
    void aTokenAuthenticatesItsOwnerUntilRevoked() {
        Account owner = creator();
        IssuedToken token = apiTokens.issue(owner.id(), "CI deploys");

        assertEquals(Optional.of(owner.id()), apiTokens.authenticate(token.secret()).map(Account::id));
        assertTrue(apiTokens.listFor(owner.id()).stream().anyMatch(t -> t.id() == token.id() && t.lastUsedAt() != null));

        apiTokens.revoke(owner.id(), token.id());
        assertTrue(apiTokens.authenticate(token.secret()).isEmpty());
        assertTrue(apiTokens.authenticate(token.secret() + "x").isEmpty());
        assertTrue(apiTokens.authenticate("not-a-token").isEmpty());
    }

    @Test
    void nobodyRevokesAnotherAccountsToken() {
        Account owner = creator();
        Account other = creator();
        IssuedToken token = apiTokens.issue(owner.id(), "Mine");

        IdentityException refused = assertThrows(IdentityException.class, () -> apiTokens.revoke(other.id(), token.id()));
        assertEquals("No such token", refused.getMessage());
        assertTrue(apiTokens.authenticate(token.secret()).isPresent(), "still valid");
        assertTrue(apiTokens.listFor(other.id()).isEmpty());
    }

    @Test
    void onlyCreatorsGetTokens() {
        Account buyer = accounts.register(TestAccounts.uniqueEmail(), "Buyer", "a long passphrase", Set.of(Role.CUSTOMER));
        assertThrows(IdentityException.class, () -> apiTokens.issue(buyer.id(), "Nope"));
        assertThrows(IdentityException.class, () -> apiTokens.issue(creator().id(), " "));
        assertTrue(apiTokens.listFor(buyer.id()).isEmpty());
    }

    @Test
    void onlyAdminsAdministerAccounts() {
        Account creator = creator();
        Account victim = creator();
        assertThrows(IdentityException.class, () -> administration.disable(creator.id(), victim.id()));
        assertThrows(IdentityException.class, () -> administration.search(creator.id(), ""));
        assertTrue(accounts.find(victim.id()).orElseThrow().isActive(), "nothing changed");
    }

    @Test
    void theConfiguredAdminAddressPromotesOnlyAConfirmedAccount() {
        Account unconfirmed = accounts.register(TestAccounts.uniqueEmail(), "Squatter", TestAccounts.PASSWORD,
                Set.of(Role.CUSTOMER));
        assertThrows(IdentityException.class, () -> administration.ensureFirstAdmin(unconfirmed.email()));
        assertEquals(Set.of(Role.CUSTOMER), accounts.find(unconfirmed.id()).orElseThrow().roles());
    }

    @Test
    void repeatedFailuresLockTheAccountButNotOthers() {
        Optional<EmailAddress> target = Optional.of(TestAccounts.uniqueEmail());
        Optional<EmailAddress> bystander = Optional.of(TestAccounts.uniqueEmail());
        String address = "192.0.2." + (int) (Math.random() * 200);
        for (int i = 0; i <= LoginThrottle.PER_ACCOUNT.freeAttempts(); i++) {
            assertTrue(throttle.claim(target, address).isEmpty(), "the first failures are free, and the one after them is checked");
        }
        Duration lock = throttle.claim(target, address).orElseThrow();
        assertTrue(lock.toSeconds() > 20 && lock.toSeconds() <= 30, lock.toString());
        assertTrue(throttle.claim(bystander, address).isEmpty(), "the address is not locked yet");
    }
}
