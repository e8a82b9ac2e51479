package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.catalog.Catalog;
import io.skillform.ledger.LedgerSettings;
import io.skillform.platform.Site;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

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
    private LedgerSettings ledger;

    @Inject
    private AuditTrail auditTrail;

    private final Clock clock = Clock.systemUTC();

    public void changePassword(long accountId, String currentPassword, String newPassword) {
        Account account = requireCurrentPassword(accountId, currentPassword);
        Passwords.problemWith(newPassword).ifPresent(problem -> {
            throw new IdentityException(problem);
        });
        account.changePasswordHash(Passwords.hash(newPassword));
        links.expireAll(accountId, AccountLink.Purpose.RESET_PASSWORD);
        auditTrail.record(AuditEntry.of("account.password-changed", "account:" + accountId, "account:" + accountId, ""));
    }

    /**
     * Asks to move the account to a new address: a confirmation link goes to the new address, and the account
     * moves only when it is used. The answer is the same whether or not the address is free, so this is no
     * way to find out who has an account.
     */
    public void requestEmailChange(long accountId, String currentPassword, String newEmailInput) {
        Account account = requireCurrentPassword(accountId, currentPassword);
        EmailAddress newEmail = EmailAddress.parse(newEmailInput)
                .orElseThrow(() -> new IdentityException("Enter a valid e-mail address"));
        if (newEmail.equals(account.email()) || accounts.findByEmail(newEmail).isPresent()) {
            return;
        }
        links.sendTo(account, newEmail, AccountLink.Purpose.CHANGE_EMAIL, "mail.changeEmail", "/verify");
    }

    /**
     * Uses a change-of-address link: the account moves to the new (now proved) address and the old one is told.
     *
     * @return the account, or empty when the link is unknown, used or expired
     * @throws IdentityException when another account took the address in the meantime
     */
    public Optional<Account> confirmEmailChange(String token) {
        Optional<AccountLinks.AddressChange> change = links.redeemAddressChange(token);
        if (change.isEmpty()) {
            return Optional.empty();
        }
        Account account = change.get().account();
        EmailAddress newEmail = change.get().newEmail();
        if (accounts.findByEmail(newEmail).isPresent()) {
            throw new IdentityException("Another account uses this address now");
        }
        EmailAddress oldEmail = account.email();
        account.changeEmail(newEmail);
        account.markEmailVerified(clock.instant());
        links.expireAll(account.id(), AccountLink.Purpose.VERIFY_EMAIL);
        links.expireAll(account.id(), AccountLink.Purpose.RESET_PASSWORD);
        links.notify(oldEmail, "mail.emailChanged", site.url("/forgot"));
        auditTrail.record(AuditEntry.of("account.email-changed", "account:" + account.id(), "account:" + account.id(),
                oldEmail + " -> " + newEmail));
        return Optional.of(account);
    }

    /** A buyer starts selling: the account becomes a creator and opens its store. */
    public void becomeCreator(long accountId, String storeHandle, String storeName, String currency) {
        Account account = accounts.find(accountId).filter(Account::isActive)
                .orElseThrow(() -> new IdentityException("Please log in"));
        if (account.hasRole(Role.CREATOR)) {
            throw new IdentityException("You sell on SkillForm already");
        }
        NewStore store = NewStore.of(storeHandle, storeName, currency, ledger.terms());
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
