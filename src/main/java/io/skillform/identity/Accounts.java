package io.skillform.identity;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Accounts: looking them up, creating them. */
@Stateless
public class Accounts {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private AuditTrail auditTrail;

    private final Clock clock = Clock.systemUTC();

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Optional<Account> findByEmail(EmailAddress email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", email.value())
                .getResultStream().findFirst();
    }

    /** Creates an account; the password must satisfy {@link Passwords#problemWith}. */
    public Account register(EmailAddress email, String displayName, String password, Set<Role> roles) {
        Passwords.problemWith(password).ifPresent(problem -> {
            throw new IdentityException(problem);
        });
        if (findByEmail(email).isPresent()) {
            // Sign-up checks first and answers without revealing the address; this guards every other caller.
            throw new IdentityException("An account with this e-mail address exists already");
        }
        Account account = new Account(email, displayName, Passwords.hash(password), roles, clock.instant());
        em.persist(account);
        em.flush();
        auditTrail.record(AuditEntry.of("account.registered", "account:" + account.id(), "account:" + account.id(), roles.toString()));
        return account;
    }
}
