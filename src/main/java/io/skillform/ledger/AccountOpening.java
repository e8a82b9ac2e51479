package io.skillform.ledger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

/**
 * Opens a group's accounts (all of a store's kinds, or all of the platform's, in one currency) in a transaction
 * of its own. An empty account is harmless if the posting that needed it rolls back, and opening it apart means
 * the posting's transaction never holds a lock on a new row out of the {@link Journal}'s lock order — a new
 * account inserted mid-transaction would sit between rows others lock in index order, and deadlock with them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccountOpening {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void open(long storeId, Currency currency) {
        Timestamp now = Timestamp.from(clock.instant());
        // Read afresh (a new transaction): only what is missing is inserted, so an existing row is never touched.
        List<?> existing = em.createNativeQuery("SELECT kind FROM ledger_account WHERE store_id = ? AND currency = ?")
                .setParameter(1, storeId).setParameter(2, currency.getCurrencyCode()).getResultList();
        Journal.kindsOf(storeId).stream().filter(kind -> !existing.contains(kind.name())).forEach(kind ->
                em.createNativeQuery("INSERT IGNORE INTO ledger_account (store_id, kind, currency, balance_minor, postings, updated_at)"
                                + " VALUES (?, ?, ?, 0, 0, ?)")
                        .setParameter(1, storeId).setParameter(2, kind.name())
                        .setParameter(3, currency.getCurrencyCode()).setParameter(4, now)
                        .executeUpdate());
    }
}
