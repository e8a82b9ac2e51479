package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.catalog.Catalog;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * What a signed-in person changes about their own account. Changing the password or the address needs the
 * current password, so an unattended open session is not enough to take the account over.
 */
@Stateless
public class AccountSettings {

    @Inject
    private Accounts accounts;

    @Inject
    private AccountLinks links;

    @Inject
    private Catalog catalog;

    @Inject
    private Site site;

    @Inject
    private AuditTrail auditTrail;

    public void changePassword(long accountId, String currentPassword, String newPassword) {
        Account account = requireCurrentPassword(accountId, currentPassword);
        Passwords.problemWith(newPassword).ifPresent(problem -> {
            throw new IdentityException(problem);
        });
        account.changePasswordHash(Passwords.hash(newPassword));
        links.expireAll(accountId, AccountLink.Purpose.RESET_PASSWORD);
        auditTrail.record(AuditEntry.of("account.password-changed", "account:" + accountId, "account:" + accountId, ""));
    }

    /** Moves the account to a new address, which must be confirmed by link; the old address is told. */
    public void changeEmail(long accountId, String currentPassword, String newEmailInput) {
        Account account = requireCurrentPassword(accountId, currentPassword);
        EmailAddress newEmail = EmailAddress.parse(newEmailInput)
                .orElseThrow(() -> new IdentityException("Enter a valid e-mail address"));
        if (newEmail.equals(account.email())) {
            return;
        }
        if (accounts.findByEmail(newEmail).isPresent()) {
            throw new IdentityException("Another account uses this address");
        }
        EmailAddress oldEmail = account.email();
        account.changeEmail(newEmail);
        links.expireAll(accountId, AccountLink.Purpose.VERIFY_EMAIL);
        links.send(account, AccountLink.Purpose.VERIFY_EMAIL, "mail.verify", "/verify");
        links.notify(oldEmail, "mail.emailChanged", site.url("/forgot"));
        auditTrail.record(AuditEntry.of("account.email-changed", "account:" + accountId, "account:" + accountId,
                oldEmail + " -> " + newEmail));
    }

    /** A buyer starts selling: the account becomes a creator and opens its store. */
    public void becomeCreator(long accountId, String storeHandle, String storeName, String currency) {
        Account account = accounts.find(accountId).filter(Account::isActive)
                .orElseThrow(() -> new IdentityException("Please log in"));
        if (account.hasRole(Role.CREATOR)) {
            throw new IdentityException("You sell on SkillForm already");
        }
        NewStore store = NewStore.of(storeHandle, storeName, currency);
        account.grant(Role.CREATOR);
        catalog.openStore(store.handle(), store.name(), store.currency(), accountId);
    }

    private Account requireCurrentPassword(long accountId, String currentPassword) {
        Account account = accounts.find(accountId).filter(Account::isActive)
                .orElseThrow(() -> new IdentityException("Please log in"));
        if (!Passwords.matches(currentPassword, account.passwordHash())) {
            throw new IdentityException("Your current password is wrong");
        }
        return account;
    }
}
