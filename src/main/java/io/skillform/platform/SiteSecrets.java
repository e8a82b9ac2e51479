package io.skillform.platform;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys this installation signs its own short-lived addresses with, by purpose. Kept in the database, made by the first
 * node that needs one ({@code INSERT IGNORE}: of two nodes racing, both then read the winner's), so an address signed on
 * one node of a cluster is good on every other; cached once read, as a key never changes.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SiteSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    @Lock(LockType.READ)
    public byte[] secret(String purpose) {
        byte[] cached = known.get(purpose);
        if (cached != null) {
            return cached.clone();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("INSERT IGNORE INTO site_secret (name, secret, created_at) VALUES (?, ?, ?)")
                .setParameter(1, purpose).setParameter(2, fresh).setParameter(3, Timestamp.from(Instant.now())).executeUpdate();
        byte[] stored = (byte[]) em.createNativeQuery("SELECT secret FROM site_secret WHERE name = ?").setParameter(1, purpose)
                .getSingleResult();
        known.put(purpose, stored);
        return stored.clone();
    }
}
