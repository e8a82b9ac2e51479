package io.skillform.identity;

import java.util.Locale;

/** What an account may do. Shiro sees the lower-case names used in {@code shiro.ini}. */
public enum Role {
    CUSTOMER,
    CREATOR,
    ADMIN;

    public String shiroName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
