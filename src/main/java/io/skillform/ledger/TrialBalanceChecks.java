package io.skillform.ledger;

import io.skillform.platform.JobLeases;
import io.skillform.platform.Lease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trial balance's queries. One transaction, so every query reads the same consistent snapshot (InnoDB's
 * repeatable read): postings being written meanwhile are either wholly in it or wholly out, balances included.
 */
@Stateless
public class TrialBalanceChecks {

    /** Enough examples of each kind of problem to act on, without flooding the report. */
    private static final int EXAMPLES = 20;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private JobLeases leases;

    private final Clock clock = Clock.systemUTC();

    /** Recorded only while {@code lease} is this node's (a node that lost it meanwhile records nothing). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public TrialBalanceRun check(Lease lease) {
        Instant started = clock.instant();
        List<String> problems = new ArrayList<>();
        report(problems, "transaction %s: postings in %s sum to %s, not zero",
                "SELECT p.transaction_id, a.currency, SUM(p.amount_minor) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id"
                        + " GROUP BY p.transaction_id, a.currency HAVING SUM(p.amount_minor) <> 0");
        report(problems, "transaction %s has %s posting(s); a transaction has at least two",
                "SELECT t.id, COUNT(p.id) FROM ledger_transaction t LEFT JOIN ledger_posting p ON p.transaction_id = t.id"
                        + " GROUP BY t.id HAVING COUNT(p.id) < 2");
        report(problems, "account %s (store %s, %s %s): stored balance %s and %s postings, but its postings sum to %s in %s postings",
                "SELECT a.id, a.store_id, a.kind, a.currency, a.balance_minor, a.postings, COALESCE(SUM(p.amount_minor), 0), COUNT(p.id)"
                        + " FROM ledger_account a LEFT JOIN ledger_posting p ON p.account_id = a.id GROUP BY a.id"
                        + " HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0) OR a.postings <> COUNT(p.id)");
        report(problems, "account %s (store %s, %s): the last posting's balance %s differs from the stored balance %s",
                "SELECT a.id, a.store_id, a.currency, p.balance_after_minor, a.balance_minor FROM ledger_account a"
                        + " JOIN ledger_posting p ON p.id = (SELECT MAX(l.id) FROM ledger_posting l WHERE l.account_id = a.id)"
                        + " WHERE p.balance_after_minor <> a.balance_minor");
        report(problems, "store %s: available %s balance is negative (%s minor units owed to the store, shown negative)",
                "SELECT store_id, currency, balance_minor FROM ledger_account WHERE kind = 'CREATOR_AVAILABLE' AND balance_minor > 0");
        report(problems, "%s: all balances sum to %s, not zero",
                "SELECT currency, SUM(balance_minor) FROM ledger_account GROUP BY currency HAVING SUM(balance_minor) <> 0");
        report(problems, "store %s (%s): day totals say %s net earned, the store's accounts hold %s",
                "SELECT d.store_id, d.currency, d.net, -COALESCE(a.balance, 0) FROM"
                        + " (SELECT store_id, currency, SUM(net_minor) AS net FROM earnings_day GROUP BY store_id, currency) d"
                        + " LEFT JOIN (SELECT store_id, currency, SUM(balance_minor) AS balance FROM ledger_account WHERE store_id > 0"
                        + " GROUP BY store_id, currency) a ON a.store_id = d.store_id AND a.currency = d.currency"
                        + " WHERE d.net <> -COALESCE(a.balance, 0)"
                        + " UNION ALL SELECT a.store_id, a.currency, 0, -SUM(a.balance_minor) FROM ledger_account a"
                        + " WHERE a.store_id > 0 AND NOT EXISTS (SELECT 1 FROM earnings_day d WHERE d.store_id = a.store_id"
                        + " AND d.currency = a.currency) GROUP BY a.store_id, a.currency HAVING SUM(a.balance_minor) <> 0");
        TrialBalanceRun run = new TrialBalanceRun(started, clock.instant(), count("ledger_transaction"), count("ledger_posting"),
                count("ledger_account"), problems);
        leases.confirm(lease);
        em.persist(run);
        return run;
    }

    private void report(List<String> problems, String format, String sql) {
        List<?> rows = em.createNativeQuery(sql + " LIMIT " + (EXAMPLES + 1)).getResultList();
        rows.stream().limit(EXAMPLES).forEach(row -> problems.add(String.format(format,
                row instanceof Object[] cells ? Arrays.stream(cells).map(String::valueOf).toArray() : new Object[] {row})));
        if (rows.size() > EXAMPLES) {
            // Counted as the examples shown; the last one says there are more.
            problems.set(problems.size() - 1, problems.get(problems.size() - 1) + " (and more like it)");
        }
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TrialBalanceRun> recent(int limit) {
        return em.createQuery("SELECT r FROM TrialBalanceRun r ORDER BY r.id DESC", TrialBalanceRun.class)
                .setMaxResults(limit).getResultList();
    }

    /** The platform's own accounts (fee revenue, PSP clearing and fees), by currency. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LedgerAccount> platformAccounts() {
        return em.createQuery("SELECT a FROM LedgerAccount a WHERE a.storeId = 0 ORDER BY a.currency, a.kind", LedgerAccount.class)
                .getResultList();
    }
}
