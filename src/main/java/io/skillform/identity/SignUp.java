package io.skillform.identity;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.StoreHandle;
import io.skillform.mail.MailMessage;
import io.skillform.mail.Outbox;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Sign-up and e-mail verification. A sign-up is one transaction: the account, a creator's store and the
 * verification mail in the outbox are stored together or not at all.
 */
@Stateless
public class SignUp {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private Catalog catalog;

    @Inject
    private Outbox outbox;

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
            outbox.enqueue(mail(email, "mail.exists", site.url("/login")));
            return;
        }
        Set<Role> roles = request.creator() ? Set.of(Role.CUSTOMER, Role.CREATOR) : Set.of(Role.CUSTOMER);
        Account account = accounts.register(email, request.name(), request.password(), roles);
        if (handle.isPresent()) {
            catalog.openStore(handle.get(), request.storeName(), currency, account.id());
        }
        sendVerification(account);
    }

    /** Uses a verification link; the account it belongs to, or empty when the link is unknown, used or expired. */
    public Optional<Account> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT v FROM EmailVerification v WHERE v.tokenHash = :hash", EmailVerification.class)
                .setParameter("hash", TokenSecrets.sha256Hex(token))
                .getResultStream().findFirst()
                .filter(verification -> verification.use(clock.instant()))
                .flatMap(verification -> accounts.find(verification.accountId())
                        .filter(account -> account.email().value().equals(verification.email())))
                .map(account -> {
                    account.markEmailVerified(clock.instant());
                    return account;
                });
    }

    private void sendVerification(Account account) {
        String token = TokenSecrets.newLinkToken();
        em.persist(new EmailVerification(account, TokenSecrets.sha256Hex(token), clock.instant()));
        outbox.enqueue(mail(account.email(), "mail.verify", site.url("/verify?token=" + token)));
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

    /** A mail from the bundle: {@code key.subject} and {@code key.text}, with the link as argument {0}. */
    private static MailMessage mail(EmailAddress to, String key, String link) {
        ResourceBundle bundle = ResourceBundle.getBundle("io.skillform.messages", Locale.ENGLISH);
        return new MailMessage(to, bundle.getString(key + ".subject"),
                MessageFormat.format(bundle.getString(key + ".text"), link), null);
    }
}
