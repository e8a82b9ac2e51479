package io.skillform.identity;

import io.skillform.mail.MailMessage;
import io.skillform.mail.Outbox;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** Issues and redeems the links mailed to accounts; part of the calling use case's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AccountLinks {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private Site site;

    private final Clock clock = Clock.systemUTC();

    /**
     * Mails the account a fresh link for the purpose; earlier unused links for the same purpose stop working.
     *
     * @param mailKey bundle prefix of the mail ({@code key.subject}, {@code key.text} with the link as {0})
     * @param path    the page that redeems it, e.g. {@code /verify}
     * @return the link's URL (for the log, where the first admin's link is printed)
     */
    public String send(Account account, AccountLink.Purpose purpose, String mailKey, String path) {
        return sendTo(account, account.email(), purpose, mailKey, path);
    }

    /** Mails a link to an address other than the account's own: the new address of a change of address. */
    public String sendTo(Account account, EmailAddress to, AccountLink.Purpose purpose, String mailKey, String path) {
        expireAll(account.id(), purpose);
        String token = TokenSecrets.newLinkToken();
        em.persist(new AccountLink(account, purpose, to, TokenSecrets.sha256Hex(token), clock.instant()));
        String url = site.url(path + "?token=" + token);
        outbox.enqueue(mail(to, mailKey, url, List.of(url)));
        return url;
    }

    /** Mails a one-hour set-password link; returns its URL (the first admin's is also printed in the log). */
    public String sendPasswordReset(Account account) {
        return send(account, AccountLink.Purpose.RESET_PASSWORD, "mail.reset", "/reset");
    }

    /** Mails an account a message without a link token, e.g. "someone tried to sign up as you". */
    public void notify(EmailAddress to, String mailKey, String url) {
        outbox.enqueue(mail(to, mailKey, url, List.of()));
    }

    /**
     * Redeems a link: the account, if the token is known, unused and unexpired, and the address it was sent to
     * is still the account's own. Locked while redeemed, so two simultaneous uses cannot both succeed.
     */
    public Optional<Account> redeem(String token, AccountLink.Purpose purpose) {
        return use(token, purpose).flatMap(link -> Optional.ofNullable(em.find(Account.class, link.accountId()))
                .filter(account -> account.email().equals(link.sentTo())));
    }

    /** Redeems a change-of-address link: the account and the new address it was sent to. */
    public Optional<AddressChange> redeemAddressChange(String token) {
        return use(token, AccountLink.Purpose.CHANGE_EMAIL).flatMap(link -> Optional
                .ofNullable(em.find(Account.class, link.accountId()))
                .map(account -> new AddressChange(account, link.sentTo())));
    }

    /** An account and the address it asked to move to. */
    public record AddressChange(Account account, EmailAddress newEmail) {
    }

    private Optional<AccountLink> use(String token, AccountLink.Purpose purpose) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT l FROM AccountLink l WHERE l.tokenHash = :hash AND l.purpose = :purpose",
                        AccountLink.class)
                .setParameter("hash", TokenSecrets.sha256Hex(token))
                .setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(link -> link.use(clock.instant()));
    }

    /** Spends every unused link of the account for the purpose (a newer one, or a completed change, supersedes them). */
    public void expireAll(long accountId, AccountLink.Purpose purpose) {
        em.createQuery("SELECT l FROM AccountLink l WHERE l.accountId = :account AND l.purpose = :purpose AND l.usedAt IS NULL",
                        AccountLink.class)
                .setParameter("account", accountId)
                .setParameter("purpose", purpose)
                .getResultList()
                .forEach(link -> link.expire(clock.instant()));
    }

    private static MailMessage mail(EmailAddress to, String key, String url, List<String> secrets) {
        ResourceBundle bundle = ResourceBundle.getBundle("io.skillform.messages", Locale.ENGLISH);
        return new MailMessage(to, bundle.getString(key + ".subject"),
                MessageFormat.format(bundle.getString(key + ".text"), url), null, secrets);
    }
}
