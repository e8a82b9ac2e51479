package io.skillform.identity;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.servlet.AdviceFilter;

/**
 * {@code active} in shiro.ini: ends the session of an account that was disabled since it logged in, on its
 * very next request (one primary-key read per signed-in request).
 */
public class ActiveAccountFilter extends AdviceFilter {

    @Override
    protected boolean preHandle(ServletRequest request, ServletResponse response) {
        Subject subject = SecurityUtils.getSubject();
        AccountPrincipal principal = subject.getPrincipals() == null ? null
                : subject.getPrincipals().oneByType(AccountPrincipal.class);
        if (principal != null) {
            boolean active = AccountRealm.service(Accounts.class).find(principal.accountId())
                    .map(Account::isActive).orElse(false);
            if (!active) {
                subject.logout();
            }
        }
        return true;
    }
}
