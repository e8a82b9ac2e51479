package io.skillform.ledger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Posts journal entries. Always inside the caller's transaction — the one that changes what caused the money to
 * move — so the order's change and its postings commit or roll back together.
 * <p>
 * Locks are taken in one global order, a store's accounts before the platform's, each group in its unique index's
 * order, so two postings never wait for each other in a cycle.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Journal {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Posts the entry unless its idempotency key has been posted already (then nothing changes).
     *
     * @return the new transaction's id; empty for an entry posted before
     */
    public Optional<Long> post(JournalEntry entry) {
        if (isPosted(entry.key())) {
            return Optional.empty();
        }
        Map<Account, LedgerAccount> accounts = lock(entry.legs().stream().map(Leg::account).toList());
        Instant now = clock.instant();
        LedgerTransaction transaction = new LedgerTransaction(entry, now);
        em.persist(transaction);
        em.flush();
        for (Leg leg : entry.legs()) {
            LedgerAccount account = accounts.get(leg.account());
            em.persist(new Posting(transaction.id(), account, leg.amount(), account.post(leg.amount(), now), now));
        }
        entry.storeId().ifPresent(store -> countEarnings(store, entry, now));
        return Optional.of(transaction.id());
    }

    public boolean isPosted(String key) {
        return !em.createNativeQuery("SELECT 1 FROM ledger_transaction WHERE idempotency_key = ?")
                .setParameter(1, key).getResultList().isEmpty();
    }

    /**
     * Locks the accounts (creating those that do not exist yet) for the rest of the transaction. Balances read
     * through the result are current and cannot change until commit.
     */
    public Map<Account, LedgerAccount> lock(Collection<Account> accounts) {
        // Stores' groups before the platform's (store 0); within a group the database locks in index order.
        Map<Long, Map<Currency, List<Account>>> groups = accounts.stream().collect(Collectors.groupingBy(Account::storeId,
                () -> new TreeMap<>(Comparator.reverseOrder()),
                Collectors.groupingBy(Account::currency, () -> new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode)),
                        Collectors.toList())));
        Map<Account, LedgerAccount> locked = new HashMap<>();
        groups.forEach((store, byCurrency) -> byCurrency.forEach((currency, wanted) -> {
            List<LedgerAccount> rows = lockGroup(store, currency);
            if (rows.stream().map(LedgerAccount::name).collect(Collectors.toSet()).containsAll(wanted)) {
                rows.forEach(row -> locked.put(row.name(), row));
                return;
            }
            for (Account missing : wanted) {
                em.createNativeQuery("INSERT IGNORE INTO ledger_account (store_id, kind, currency, balance_minor, postings, updated_at)"
                                + " VALUES (?, ?, ?, 0, 0, ?)")
                        .setParameter(1, missing.storeId()).setParameter(2, missing.kind().name())
                        .setParameter(3, currency.getCurrencyCode()).setParameter(4, java.sql.Timestamp.from(clock.instant()))
                        .executeUpdate();
            }
            lockGroup(store, currency).forEach(row -> locked.put(row.name(), row));
        }));
        return locked;
    }

    private List<LedgerAccount> lockGroup(long store, Currency currency) {
        return em.createQuery("SELECT a FROM LedgerAccount a WHERE a.storeId = :store AND a.currency = :currency ORDER BY a.kind",
                        LedgerAccount.class)
                .setParameter("store", store).setParameter("currency", currency)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * Keeps the creator's day totals with the postings: gross sales, refunds (disputes included), fees (the
     * platform's and dispute fees) and net earnings — net counts all three creator accounts, so releases and payouts,
     * which move money between them, change no total.
     */
    private void countEarnings(long store, JournalEntry entry, Instant now) {
        long net = 0;
        int lines = 0;
        long clearing = 0;
        Currency currency = entry.legs().get(0).account().currency();
        for (Leg leg : entry.legs()) {
            if (leg.account().kind().isCreator()) {
                net -= leg.amount();
                lines++;
            } else if (leg.account().kind() == AccountKind.PSP_CLEARING) {
                clearing += leg.amount();
            }
        }
        long gross = entry.kind() == TransactionKind.SALE ? clearing : 0;
        long refunds = switch (entry.kind()) {
            case REFUND, DISPUTE, DISPUTE_WON -> -clearing;
            default -> 0;
        };
        long fees = gross - refunds - net;
        int sales = entry.kind() == TransactionKind.SALE ? 1 : 0;
        if (gross == 0 && refunds == 0 && net == 0 && lines == 0) {
            return;
        }
        em.createNativeQuery("INSERT INTO earnings_day (store_id, currency, earned_on, gross_minor, refunds_minor, fees_minor,"
                        + " net_minor, sales, line_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " gross_minor = gross_minor + VALUES(gross_minor), refunds_minor = refunds_minor + VALUES(refunds_minor),"
                        + " fees_minor = fees_minor + VALUES(fees_minor), net_minor = net_minor + VALUES(net_minor),"
                        + " sales = sales + VALUES(sales), line_count = line_count + VALUES(line_count)")
                .setParameter(1, store).setParameter(2, currency.getCurrencyCode())
                .setParameter(3, Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)))
                .setParameter(4, gross).setParameter(5, refunds).setParameter(6, fees).setParameter(7, net)
                .setParameter(8, sales).setParameter(9, lines)
                .executeUpdate();
    }
}
