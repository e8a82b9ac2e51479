package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.catalog.Catalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What admins do with accounts. Every method checks that the actor is an active admin. */
@Stateless
public class AccountAdministration {

    private static final int PAGE = 50;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private AccountLinks links;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Catalog catalog;

    /** Accounts whose e-mail contains the text (all when blank), newest first, at most 50. */
    public List<Account> search(long actorId, String text) {
        requireAdmin(actorId);
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase().replace("%", "").replace("_", "")) + "%";
        return em.createQuery("SELECT a FROM Account a WHERE a.email LIKE :pattern ORDER BY a.id DESC", Account.class)
                .setParameter("pattern", pattern)
                .setMaxResults(PAGE)
                .getResultList();
    }

    /**
     * Disables an account: its sessions end on their next request, its API tokens stop working, and a creator's store
     * stops selling (in the same transaction: no sale slips in between).
     */
    public void disable(long actorId, long accountId) {
        requireAdmin(actorId);
        if (actorId == accountId) {
            throw new IdentityException("You cannot disable your own account");
        }
        Account account = accounts.find(accountId).orElseThrow(() -> new IdentityException("No such account"));
        account.disable();
        catalog.suspendStoreOf(accountId);
        auditTrail.record(AuditEntry.of("account.disabled", "account:" + accountId, "account:" + actorId, ""));
    }

    public void enable(long actorId, long accountId) {
        requireAdmin(actorId);
        Account account = accounts.find(accountId).orElseThrow(() -> new IdentityException("No such account"));
        account.enable();
        catalog.reinstateStoreOf(accountId);
        auditTrail.record(AuditEntry.of("account.enabled", "account:" + accountId, "account:" + actorId, ""));
    }

    /**
     * Makes sure the configured first admin exists (SKILLFORM_ADMIN_EMAIL). A new admin gets an unguessable
     * password nobody knows and a set-password link by mail; the link is returned so it can be logged too.
     *
     * @return the set-password link, when one was sent
     */
    public Optional<String> ensureFirstAdmin(EmailAddress email) {
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            // Only an address whose owner proved it: anyone can sign up with an address they do not own.
            if (existing.get().isEmailVerified() && existing.get().email().equals(email)) {
                existing.get().grant(Role.ADMIN);
            } else {
                throw new IdentityException("The account " + email + " has not confirmed its address; it becomes"
                        + " admin at the next start after it does");
            }
            return Optional.empty();
        }
        Account admin = accounts.register(email, "Administrator", TokenSecrets.newLinkToken(), Set.of(Role.ADMIN));
        auditTrail.record(AuditEntry.of("account.first-admin", "account:" + admin.id(), "system", email.value()));
        return Optional.of(links.sendPasswordReset(admin));
    }

    private void requireAdmin(long actorId) {
        boolean admin = accounts.find(actorId).filter(Account::isActive).map(a -> a.hasRole(Role.ADMIN)).orElse(false);
        if (!admin) {
            throw new IdentityException("Only admins can do this");
        }
    }
}
