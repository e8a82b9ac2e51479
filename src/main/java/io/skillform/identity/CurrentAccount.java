package io.skillform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/** The signed-in account of this request, for pages and services: {@code #{me.loggedIn}}, {@code #{me.email}}. */
@Named("me")
@RequestScoped
public class CurrentAccount {

    @Inject
    private Accounts accounts;

    private Optional<Account> account;

    private static Subject subject() {
        return SecurityUtils.getSubject();
    }

    public Optional<AccountPrincipal> principal() {
        Subject subject = subject();
        return subject.isAuthenticated()
                ? Optional.ofNullable(subject.getPrincipals().oneByType(AccountPrincipal.class))
                : Optional.empty();
    }

    /** The account id, for services' object-level checks. */
    public long requireId() {
        return principal().map(AccountPrincipal::accountId)
                .orElseThrow(() -> new IdentityException("Please log in"));
    }

    public boolean isLoggedIn() {
        return principal().isPresent();
    }

    /** Read from the account, not the session: the address can change while logged in. */
    public String getEmail() {
        return account().map(a -> a.email().value()).orElse("");
    }

    /** Until it is, the library does not show what was bought with the address: the header reminds of it. */
    public boolean isUnverified() {
        return account().filter(a -> !a.isEmailVerified()).isPresent();
    }

    /** The address, once the account has confirmed it: what was bought with it is the account's. */
    public Optional<EmailAddress> verifiedEmail() {
        return account().filter(Account::isEmailVerified).map(Account::email);
    }

    private Optional<Account> account() {
        if (account == null) {
            account = principal().flatMap(p -> accounts.find(p.accountId()));
        }
        return account;
    }

    public boolean hasRole(Role role) {
        return isLoggedIn() && subject().hasRole(role.shiroName());
    }

    public boolean isCreator() {
        return hasRole(Role.CREATOR);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }
}
