package io.skillform.identity;

import io.skillform.catalog.Catalog;
import io.skillform.ledger.LedgerSettings;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
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

    @Inject
    private LedgerSettings ledger;

    @Inject
    private MailRequests mailRequests;

    private final Clock clock = Clock.systemUTC();

    /**
     * Signs up, or — when the address has an account already — e-mails its owner instead and answers the
     * same way, so the form never reveals which addresses are registered. Either way a mail goes out, so each
     * sign-up counts against the mails its address and the client's may have ({@link MailRequests}).
     *
     * @param client the address the request came from
     * @throws IdentityException with a message for the user when the input is not acceptable, or too many mails were
     *         asked for
     */
    public void signUp(SignUpRequest request, String client) {
        FieldProblems problems = new FieldProblems();
        Optional<EmailAddress> address = problems.check("email", () -> EmailAddress.parse(request.email())
                .orElseThrow(() -> new IdentityException("Enter a valid e-mail address")));
        problems.require("name", () -> NewStore.requireName(request.name(), "Enter your name (at most 80 characters)"));
        problems.require("password", () -> Passwords.problemWith(request.password()).ifPresent(problem -> {
            throw new IdentityException(problem);
        }));
        Optional<NewStore> store = request.creator()
                ? problems.check("store", () -> NewStore.of(request.storeHandle(), request.storeName(), request.currency(), ledger.terms()))
                : Optional.empty();
        store.ifPresent(s -> problems.require("storeHandle", () -> {
            if (catalog.findStore(s.handle()).isPresent()) {
                throw new IdentityException("The store handle @" + s.handle() + " is taken");
            }
        }));
        problems.throwIfAny();
        EmailAddress email = address.orElseThrow();
        // Before the Argon2 hash, which is what a flood of sign-ups would make us pay for.
        mailRequests.claim(email, client);
        if (accounts.findByEmail(email).isPresent()) {
            links.notify(email, "mail.exists", site.url("/login"));
            // The same hashing cost as a real sign-up, so response time does not tell that the address is taken.
            Passwords.hash(request.password());
            return;
        }
        Set<Role> roles = request.creator() ? Set.of(Role.CUSTOMER, Role.CREATOR) : Set.of(Role.CUSTOMER);
        Account account = accounts.register(email, request.name(), request.password(), roles);
        store.ifPresent(s -> catalog.openStore(s.handle(), s.name(), s.currency(), account.id()));
        links.send(account, AccountLink.Purpose.VERIFY_EMAIL, "mail.verify", "/verify");
    }

    /**
     * Sends a fresh verification link to a signed-in account that has not used its first; earlier links stop
     * working, so only the newest mail counts.
     *
     * @throws IdentityException when too many mails were asked for
     */
    public void resendVerification(long accountId, String client) {
        Account account = accounts.find(accountId).orElseThrow(() -> new IdentityException("Please log in"));
        if (account.isEmailVerified()) {
            return;
        }
        mailRequests.claim(account.email(), client);
        links.expireAll(account.id(), AccountLink.Purpose.VERIFY_EMAIL);
        links.send(account, AccountLink.Purpose.VERIFY_EMAIL, "mail.verify", "/verify");
    }

    /** Uses a verification link; the account it confirmed, or empty when the link is unknown, used or expired. */
    public Optional<Account> verify(String token) {
        Optional<Account> account = links.redeem(token, AccountLink.Purpose.VERIFY_EMAIL);
        account.ifPresent(a -> a.markEmailVerified(clock.instant()));
        return account;
    }
}
