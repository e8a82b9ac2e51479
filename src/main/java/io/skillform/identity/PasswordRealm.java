package io.skillform.identity;

import java.util.Optional;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.PasswordMatcher;

/** E-mail and password log-in over the account table. */
public class PasswordRealm extends AccountRealm {

    public PasswordRealm() {
        PasswordMatcher matcher = new PasswordMatcher();
        matcher.setPasswordService(Passwords.service());
        setCredentialsMatcher(matcher);
        setAuthenticationTokenClass(UsernamePasswordToken.class);
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        UsernamePasswordToken credentials = (UsernamePasswordToken) token;
        Optional<Account> account = EmailAddress.parse(credentials.getUsername())
                .flatMap(email -> service(Accounts.class).findByEmail(email))
                .filter(Account::isActive);
        if (account.isEmpty()) {
            // Same cost as a wrong password: response time must not tell whether an account exists.
            Passwords.burnEquivalentTime(new String(credentials.getPassword()));
            throw new AuthenticationException("No active account");
        }
        Account found = account.get();
        return new SimpleAuthenticationInfo(AccountPrincipal.of(found),
                found.passwordHash(), getName());
    }
}
