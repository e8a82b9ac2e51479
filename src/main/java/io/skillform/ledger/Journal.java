package io.skillform.ledger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts journal entries. Always inside the caller's transaction — the one that changes what caused the money to
 * move — so the order's change and its postings commit or roll back together.
 * <p>
 * Locks are taken in one global order — a store's accounts before the platform's, whole groups — so two postings
 * never wait for each other in a cycle; accounts are opened before a transaction's first lock (see {@link #open}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Journal {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    /** Groups known to exist on this node (an account, once opened, is never removed). */
    private static final Set<String> OPENED = ConcurrentHashMap.newKeySet();

    @Inject
    private AccountOpening opening;

    @Resource
    private TransactionSynchronizationRegistry transactions;

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
     * Locks the accounts' groups (all of a store's accounts in a currency, or all of the platform's) for the rest of
     * the transaction; a group that does not exist yet is opened first if nothing is locked yet (else see
     * {@link #open}). Balances read through the result are current and cannot change until commit.
     */
    public Map<Account, LedgerAccount> lock(Collection<Account> accounts) {
        // Stores' groups before the platform's (store 0), then by currency, whole groups: the one order every
        // transaction locks in.
        Map<Long, Set<Currency>> groups = new TreeMap<>(Comparator.reverseOrder());
        accounts.forEach(a -> groups.computeIfAbsent(a.storeId(), s -> new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode)))
                .add(a.currency()));
        GroupsSeen seen = groupsSeen();
        Map<Account, LedgerAccount> locked = new HashMap<>();
        groups.forEach((store, currencies) -> currencies.forEach(currency -> {
            ensureOpen(seen, store, currency);
            seen.locking = true;
            // Locked once per transaction; the rows stay managed (and current) in its persistence context.
            seen.locked.computeIfAbsent(group(store, currency), g ->
                    // The group's rows in the unique index's order (store, currency, kind).
                    em.createQuery("SELECT a FROM LedgerAccount a WHERE a.storeId = :store AND a.currency = :currency ORDER BY a.kind",
                                    LedgerAccount.class)
                            .setParameter("store", store).setParameter("currency", currency)
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                            .getResultList())
                    .forEach(row -> locked.put(row.name(), row));
        }));
        return locked;
    }

    /**
     * Opens the accounts' groups that do not exist yet, each in a transaction of its own ({@link AccountOpening}).
     * Called before a transaction's first lock on an account: InnoDB locks the gap next to a locked account row, and
     * an account opened into that gap would wait for the very transaction that needs it.
     */
    public void open(Collection<Account> accounts) {
        GroupsSeen seen = groupsSeen();
        accounts.forEach(account -> ensureOpen(seen, account.storeId(), account.currency()));
    }

    private void ensureOpen(GroupsSeen seen, long store, Currency currency) {
        String group = group(store, currency);
        if (!OPENED.contains(group) && existing(store, currency) < kindsOf(store).size()) {
            if (seen.locking) {
                // Opening it now would wait for this very transaction's locks.
                throw new IllegalStateException("Accounts " + group + " must be opened before the transaction's first lock");
            }
            opening.open(store, currency);
        }
        // Known to exist from now on, whatever this transaction's older snapshot says; accounts are never removed.
        OPENED.add(group);
    }

    private static String group(long store, Currency currency) {
        return store + ":" + currency.getCurrencyCode();
    }

    /** Whether the account's group has been opened (a plain read: no lock, nothing created). */
    public boolean isOpen(Account account) {
        return existing(account.storeId(), account.currency()) > 0;
    }

    /** The kinds of a group, in lock order. */
    static List<AccountKind> kindsOf(long store) {
        return Arrays.stream(AccountKind.values()).filter(kind -> kind.isCreator() == (store != Account.PLATFORM))
                .sorted(Comparator.comparing(AccountKind::name)).toList();
    }

    /** What this transaction has locked, by group. */
    private static final class GroupsSeen {
        final Map<String, List<LedgerAccount>> locked = new HashMap<>();
        boolean locking;
    }

    private GroupsSeen groupsSeen() {
        GroupsSeen seen = (GroupsSeen) transactions.getResource(GroupsSeen.class);
        if (seen == null) {
            seen = new GroupsSeen();
            transactions.putResource(GroupsSeen.class, seen);
        }
        return seen;
    }

    private long existing(long store, Currency currency) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM ledger_account WHERE store_id = ? AND currency = ?")
                .setParameter(1, store).setParameter(2, currency.getCurrencyCode()).getSingleResult()).longValue();
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
