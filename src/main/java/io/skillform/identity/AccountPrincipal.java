package io.skillform.identity;

import java.io.Serializable;

/**
 * Who a Shiro subject is: kept in the session, so it holds no roles (those are read fresh) — only the id and
 * the credentials version the session was opened with.
 */
public record AccountPrincipal(long accountId, int credentialsVersion) implements Serializable {

    static AccountPrincipal of(Account account) {
        return new AccountPrincipal(account.id(), account.credentialsVersion());
    }
}
