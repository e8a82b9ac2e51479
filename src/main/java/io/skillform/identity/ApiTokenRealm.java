package io.skillform.identity;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;

/** Bearer-token log-in for the headless API: the token is its own credential, checked by digest lookup. */
public class ApiTokenRealm extends AccountRealm {

    public ApiTokenRealm() {
        // The lookup by digest below is the credential check; there is nothing left to compare.
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationTokenClass(BearerToken.class);
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        Account account = service(ApiTokens.class).authenticate(((BearerToken) token).getToken())
                .orElseThrow(() -> new AuthenticationException("Unknown, revoked or disabled token"));
        return new SimpleAuthenticationInfo(AccountPrincipal.of(account),
                token.getCredentials(), getName());
    }
}
