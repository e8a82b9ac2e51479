package io.skillform.identity;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.servlet.AdviceFilter;

/**
 * {@code active} in shiro.ini: ends a session on its very next request when its account was disabled or its
 * password changed since it logged in (one primary-key read per signed-in request).
 */
public class ActiveAccountFilter extends AdviceFilter {

    @Override
    protected boolean preHandle(ServletRequest request, ServletResponse response) {
        Subject subject = SecurityUtils.getSubject();
        AccountPrincipal principal = subject.getPrincipals() == null ? null
                : subject.getPrincipals().oneByType(AccountPrincipal.class);
        if (principal != null) {
            boolean current = AccountRealm.service(Accounts.class).find(principal.accountId())
                    .filter(Account::isActive)
                    .map(account -> account.credentialsVersion() == principal.credentialsVersion())
                    .orElse(false);
            if (!current) {
                subject.logout();
            }
        }
        return true;
    }
}
