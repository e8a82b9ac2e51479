package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** "Forgot password": a one-hour, single-use link by e-mail, then a new password. */
@Stateless
public class PasswordRecovery {

    @Inject
    private Accounts accounts;

    @Inject
    private AccountLinks links;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private MailRequests mailRequests;

    private final Clock clock = Clock.systemUTC();

    /**
     * Mails a reset link if the address belongs to an active account; answers the same either way — counted against
     * the address's and the client's mails either way too ({@link MailRequests}).
     *
     * @param client the address the request came from
     * @throws IdentityException when too many mails were asked for
     */
    public void requestReset(String emailInput, String client) {
        EmailAddress.parse(emailInput).ifPresent(email -> {
            mailRequests.claim(email, client);
            accounts.findByEmail(email).filter(Account::isActive).ifPresent(links::sendPasswordReset);
        });
    }

    /**
     * Sets a new password through a reset link. The password is checked before the link is used, so a
     * refused password does not spend the link.
     *
     * @return false when the link is unknown, used, expired, or the account is disabled
     * @throws IdentityException when the new password is not acceptable
     */
    public boolean reset(String token, String newPassword) {
        Passwords.problemWith(newPassword).ifPresent(problem -> {
            throw new IdentityException(problem);
        });
        Optional<Account> account = links.redeem(token, AccountLink.Purpose.RESET_PASSWORD).filter(Account::isActive);
        account.ifPresent(a -> {
            a.changePasswordHash(Passwords.hash(newPassword));
            a.markEmailVerified(clock.instant()); // the link reached the inbox: the address works
            auditTrail.record(AuditEntry.of("account.password-reset", "account:" + a.id(), "account:" + a.id(), ""));
        });
        return account.isPresent();
    }
}
