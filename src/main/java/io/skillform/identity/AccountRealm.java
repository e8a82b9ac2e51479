package io.skillform.identity;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * What both realms share: roles are read from the account on every check, never cached, so a disabled
 * account or a revoked role takes effect on the very next request.
 */
abstract class AccountRealm extends AuthorizingRealm {

    AccountRealm() {
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
    }

    /** Shiro creates realms itself (from shiro.ini), so they reach the services through CDI. */
    static <T> T service(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        AccountPrincipal principal = principals.oneByType(AccountPrincipal.class);
        Set<String> roles = Optional.ofNullable(principal)
                .flatMap(p -> service(Accounts.class).find(p.accountId()))
                .filter(Account::isActive)
                .map(account -> account.roles().stream().map(Role::shiroName).collect(Collectors.toSet()))
                .orElse(Set.of());
        return new SimpleAuthorizationInfo(roles);
    }
}
