package io.skillform.identity;

import java.io.Serializable;

/** Who a Shiro subject is: kept in the session, so it holds ids only, never roles (those are read fresh). */
public record AccountPrincipal(long accountId) implements Serializable {
}
