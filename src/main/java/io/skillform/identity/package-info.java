/**
 * Identity and access: accounts with roles (customer, creator, admin), password log-in for the browser,
 * personal API tokens for the headless API, and the throttle that slows down password guessing.
 * <p>
 * Apache Shiro is the one authority on who a request is: {@link io.skillform.identity.PasswordRealm} checks
 * passwords, {@link io.skillform.identity.ApiTokenRealm} checks bearer tokens, both over the project's own
 * tables. URL rules live in {@code WEB-INF/shiro.ini}; object-level rules ("a creator sees only their own")
 * live in the services that load the objects. Secrets are never stored: passwords as Argon2id hashes,
 * tokens as SHA-256 digests.
 */
package io.skillform.identity;
