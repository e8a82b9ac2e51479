package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: a creator issues, lists and revokes their own; the API authenticates with them. */
@Stateless
public class ApiTokens {

    private static final int MAX_ACTIVE_TOKENS = 25;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private AuditTrail auditTrail;

    private final Clock clock = Clock.systemUTC();

    public IssuedToken issue(long accountId, String name) {
        Account owner = em.find(Account.class, accountId);
        if (owner == null || !owner.isActive() || !owner.hasRole(Role.CREATOR)) {
            throw new IdentityException("Only creators can create API tokens");
        }
        long active = em.createQuery(
                        "SELECT COUNT(t) FROM ApiToken t WHERE t.accountId = :account AND t.revokedAt IS NULL", Long.class)
                .setParameter("account", accountId).getSingleResult();
        if (active >= MAX_ACTIVE_TOKENS) {
            throw new IdentityException("You have " + MAX_ACTIVE_TOKENS + " active tokens; revoke one first");
        }
        String secret = TokenSecrets.newApiToken();
        ApiToken token = new ApiToken(accountId, name, TokenSecrets.sha256Hex(secret), TokenSecrets.hintOf(secret),
                clock.instant());
        em.persist(token);
        em.flush();
        auditTrail.record(AuditEntry.of("api-token.issued", "api-token:" + token.id(), "account:" + accountId, token.name()));
        return new IssuedToken(token.id(), token.name(), secret);
    }

    /** The account's tokens, newest first, revoked ones included (they show when they were revoked). */
    public List<ApiToken> listFor(long accountId) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.accountId = :account ORDER BY t.createdAt DESC, t.id DESC",
                        ApiToken.class)
                .setParameter("account", accountId)
                .setMaxResults(100)
                .getResultList();
    }

    /** Revokes one of the account's own tokens; someone else's token is "not found", exactly like a missing one. */
    public void revoke(long accountId, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.accountId() != accountId) {
            throw new IdentityException("No such token");
        }
        if (!token.isRevoked()) {
            token.revoke(clock.instant());
            auditTrail.record(AuditEntry.of("api-token.revoked", "api-token:" + tokenId, "account:" + accountId, token.name()));
        }
    }

    /** The active account a presented secret belongs to, if the token exists and is not revoked. */
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.API_TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", TokenSecrets.sha256Hex(secret))
                .getResultStream().findFirst()
                .filter(t -> !t.isRevoked());
        Optional<Account> account = token.map(t -> em.find(Account.class, t.accountId())).filter(Account::isActive);
        account.ifPresent(a -> token.get().markUsed(clock.instant()));
        return account;
    }
}
