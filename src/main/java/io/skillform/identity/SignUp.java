package io.skillform.identity;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.StoreHandle;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-up and e-mail verification. A sign-up is one transaction: the account, a creator's store and the
 * verification mail in the outbox are stored together or not at all.
 */
@Stateless
public class SignUp {

    @Inject
    private Accounts accounts;

    @Inject
    private AccountLinks links;

    @Inject
    private Catalog catalog;

    @Inject
    private Site site;

    private final Clock clock = Clock.systemUTC();

    /**
     * Signs up, or — when the address has an account already — e-mails its owner instead and answers the
     * same way, so the form never reveals which addresses are registered.
     *
     * @throws IdentityException with a message for the user when the input is not acceptable
     */
    public void signUp(SignUpRequest request) {
        EmailAddress email = EmailAddress.parse(request.email())
                .orElseThrow(() -> new IdentityException("Enter a valid e-mail address"));
        Passwords.problemWith(request.password()).ifPresent(problem -> {
            throw new IdentityException(problem);
        });
        requireName(request.name(), "Enter your name (at most 80 characters)");
        Optional<StoreHandle> handle = Optional.empty();
        Currency currency = null;
        if (request.creator()) {
            handle = Optional.of(StoreHandle.parse(request.storeHandle()).orElseThrow(() -> new IdentityException(
                    "A store handle is 2–30 lower-case letters, digits or hyphens")));
            if (catalog.findStore(handle.get()).isPresent()) {
                throw new IdentityException("The store handle @" + handle.get() + " is taken");
            }
            requireName(request.storeName(), "Enter a store name (at most 80 characters)");
            currency = currencyOf(request.currency());
        }
        if (accounts.findByEmail(email).isPresent()) {
            links.notify(email, "mail.exists", site.url("/login"));
            return;
        }
        Set<Role> roles = request.creator() ? Set.of(Role.CUSTOMER, Role.CREATOR) : Set.of(Role.CUSTOMER);
        Account account = accounts.register(email, request.name(), request.password(), roles);
        if (handle.isPresent()) {
            catalog.openStore(handle.get(), request.storeName(), currency, account.id());
        }
        links.send(account, AccountLink.Purpose.VERIFY_EMAIL, "mail.verify", "/verify");
    }

    /** Uses a verification link; the account it confirmed, or empty when the link is unknown, used or expired. */
    public Optional<Account> verify(String token) {
        Optional<Account> account = links.redeem(token, AccountLink.Purpose.VERIFY_EMAIL);
        account.ifPresent(a -> a.markEmailVerified(clock.instant()));
        return account;
    }

    private static void requireName(String name, String problem) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new IdentityException(problem);
        }
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IdentityException("Choose the currency your prices are in");
        }
    }

}
