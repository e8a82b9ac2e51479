package io.skillform.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A person who can log in: a buyer, a creator, an admin, or several of these. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    public Account(EmailAddress email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.email = email.value();
        this.displayName = requireDisplayName(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An account has at least one role");
        }
        this.roles = new HashSet<>(roles);
        this.status = AccountStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireDisplayName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new IllegalArgumentException("A name is 1–80 characters");
        }
        return trimmed;
    }

    /** A new address must be proved again. */
    void changeEmail(EmailAddress newEmail) {
        email = newEmail.value();
        emailVerifiedAt = null;
    }

    /** Records that the owner proved the address; the first proof counts. */
    void markEmailVerified(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public void disable() {
        status = AccountStatus.DISABLED;
    }

    public void enable() {
        status = AccountStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /** A new password also ends every session opened with the old one. */
    public void changePasswordHash(String newHash) {
        passwordHash = Objects.requireNonNull(newHash, "newHash");
        credentialsVersion++;
    }

    public int credentialsVersion() {
        return credentialsVersion;
    }

    void grant(Role role) {
        roles.add(role);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long id() {
        return id;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public Instant createdAt() {
        return createdAt;
    }
}
