package io.skillform.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.payout.PayoutException;
import io.skillform.payout.Payouts;
import io.skillform.shared.Money;
import io.skillform.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger in a real WildFly on MariaDB: long random sequences of sales, partial refunds, disputes, releases and
 * payouts with the books checked after every step; many threads posting to one creator; immutable rows; the
 * trial balance finding a tampered balance.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** Rerun one failing sequence with -Dskillform.ledger.seed=N (the failure message names it). */
    private static final long[] SEEDS = Long.getLong("skillform.ledger.seed") != null
            ? new long[] {Long.getLong("skillform.ledger.seed")} : new long[] {20261123L, 7L, 4242L};
    private static final int STEPS = 800;
    /** Synthetic stores and orders live far above real ids, and differ between runs on the same database. */
    private static final AtomicLong IDS = new AtomicLong(9_000_000_000_000L + System.currentTimeMillis() % 1_000_000_000L * 1_000);

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(LedgerIT.class);
    }

    @Inject
    Earnings earnings;

    @Inject
    Payouts payouts;

    @Inject
    LedgerSettings settings;

    @Inject
    TrialBalance trialBalance;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/SkillFormDS")
    DataSource db;

    @Resource
    ManagedExecutorService executor;

    /** An order of the simulation: what the PSP has told us so far. */
    private static final class SimOrder {
        final long id;
        final long gross;
        final Currency currency;
        final Instant capturedAt = Instant.now();
        long refunded;
        OrderMoney.Dispute dispute = OrderMoney.Dispute.NONE;
        long refundedAtDispute;
        boolean released;

        SimOrder(long id, long gross, Currency currency) {
            this.id = id;
            this.gross = gross;
            this.currency = currency;
        }

        OrderMoney money(long store) {
            return new OrderMoney(id, store, Money.of(gross, currency), true, capturedAt, Money.of(refunded, currency), dispute);
        }
    }

    @Test
    void randomSequencesOfPaymentsRefundsDisputesReleasesAndPayoutsKeepTheBooksBalanced() throws Exception {
        for (long seed : SEEDS) {
            runSequence(seed);
        }
        TrialBalanceRun run = trialBalance.run().orElseThrow();
        assertEquals(0, run.problems(), "trial balance of the whole ledger: " + run.report());
    }

    private void runSequence(long seed) throws Exception {
        Random random = new Random(seed);
        long store = IDS.incrementAndGet();
        List<SimOrder> orders = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + " step " + step + ": ";
            long before = lastTransaction();
            int dice = random.nextInt(100);
            SimOrder touched = null;
            if (dice < 28 || orders.isEmpty()) {
                touched = new SimOrder(IDS.incrementAndGet(), 50 + random.nextInt(50_000), random.nextInt(5) == 0 ? EUR : USD);
                orders.add(touched);
                sync(touched, store);
            } else if (dice < 48) {
                // Refunds also while a dispute is open or after it was lost (a refund asked for before the dispute).
                touched = pick(random, orders, o -> o.refunded < o.gross);
                if (touched != null) {
                    long left = touched.gross - touched.refunded;
                    touched.refunded += random.nextInt(3) == 0 ? left : 1 + random.nextInt((int) left);
                    sync(touched, store);
                }
            } else if (dice < 56) {
                touched = pick(random, orders, o -> o.dispute == OrderMoney.Dispute.NONE);
                if (touched != null) {
                    touched.dispute = OrderMoney.Dispute.OPEN;
                    touched.refundedAtDispute = touched.refunded;
                    sync(touched, store);
                }
            } else if (dice < 62) {
                touched = pick(random, orders, o -> o.dispute == OrderMoney.Dispute.OPEN);
                if (touched != null) {
                    touched.dispute = random.nextBoolean() ? OrderMoney.Dispute.WON : OrderMoney.Dispute.LOST;
                    sync(touched, store);
                }
            } else if (dice < 77) {
                touched = pick(random, orders, o -> !o.released);
                if (touched != null) {
                    SimOrder order = touched;
                    assertTrue(inTransaction(() -> earnings.release(order.id, Instant.now().plus(Duration.ofDays(8)))), where + "released");
                    order.released = true;
                    assertFalse(inTransaction(() -> earnings.release(order.id, Instant.now().plus(Duration.ofDays(8)))),
                            where + "a hold ends once");
                }
            } else if (dice < 90) {
                Currency currency = random.nextInt(5) == 0 ? EUR : USD;
                long available = shown(store, "CREATOR_AVAILABLE", currency);
                long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, available + 500));
                boolean paid = payOut(store, Money.of(amount, currency));
                assertEquals(amount <= available, paid, where + "a payout of " + amount + " with " + available + " available");
                if (!paid) {
                    assertEquals(before, lastTransaction(), where + "a refused payout posts nothing");
                    assertEquals(available, shown(store, "CREATOR_AVAILABLE", currency), where + "and changes nothing");
                }
            } else {
                SimOrder replay = orders.get(random.nextInt(orders.size()));
                sync(replay, store);
                assertEquals(before, lastTransaction(), where + "the same order state posted again changes nothing");
            }
            checkBooks(where, store, before, touched);
        }
    }

    private void checkBooks(String where, long store, long sinceTransaction, SimOrder touched) throws SQLException {
        assertEquals(List.of(), rows("SELECT p.transaction_id, a.currency, SUM(p.amount_minor) FROM ledger_posting p"
                + " JOIN ledger_account a ON a.id = p.account_id WHERE p.transaction_id > ? GROUP BY p.transaction_id, a.currency"
                + " HAVING SUM(p.amount_minor) <> 0", sinceTransaction), where + "every transaction sums to zero");
        assertEquals(List.of(), rows("SELECT t.id FROM ledger_transaction t LEFT JOIN ledger_posting p ON p.transaction_id = t.id"
                + " WHERE t.id > ? GROUP BY t.id HAVING COUNT(p.id) < 2", sinceTransaction), where + "at least two postings each");
        assertEquals(List.of(), rows("SELECT a.id, a.balance_minor, a.postings, COALESCE(SUM(p.amount_minor), 0) FROM ledger_account a"
                + " LEFT JOIN ledger_posting p ON p.account_id = a.id WHERE a.store_id IN (?, 0) GROUP BY a.id"
                + " HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0) OR a.postings <> COUNT(p.id)", store),
                where + "stored balances equal the sums of their postings");
        assertEquals(List.of(), rows("SELECT id, balance_minor FROM ledger_account WHERE store_id = ? AND kind = 'CREATOR_AVAILABLE'"
                + " AND balance_minor > 0", store), where + "available is never negative");
        assertEquals(List.of(), rows("SELECT d.currency FROM (SELECT currency, SUM(net_minor) AS net FROM earnings_day WHERE store_id = ?"
                + " GROUP BY currency) d LEFT JOIN (SELECT currency, SUM(balance_minor) AS balance FROM ledger_account WHERE store_id = ?"
                + " GROUP BY currency) a ON a.currency = d.currency WHERE d.net <> -COALESCE(a.balance, 0)", store, store),
                where + "the day totals agree with the accounts");
        if (touched != null) {
            boolean disputeLostOrOpen = touched.dispute == OrderMoney.Dispute.OPEN || touched.dispute == OrderMoney.Dispute.LOST;
            long reversedByDispute = disputeLostOrOpen ? touched.gross - touched.refundedAtDispute : 0;
            // Refunds reported while the dispute is open wait for its outcome.
            long refundsPosted = touched.dispute == OrderMoney.Dispute.OPEN ? touched.refundedAtDispute : touched.refunded;
            long disputeFee = touched.dispute == OrderMoney.Dispute.NONE ? 0 : settings.terms().disputeFee(touched.currency);
            assertEquals(touched.gross - refundsPosted - reversedByDispute - disputeFee,
                    single("SELECT COALESCE(SUM(p.amount_minor), 0) FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
                            + " JOIN ledger_account a ON a.id = p.account_id WHERE t.order_id = ? AND a.kind = 'PSP_CLEARING'", touched.id),
                    where + "order " + touched.id + ": the PSP holds the gross less refunds, disputes and dispute fees");
            long feeHeld = -single("SELECT COALESCE(SUM(p.amount_minor), 0) FROM ledger_posting p JOIN ledger_transaction t"
                    + " ON t.id = p.transaction_id JOIN ledger_account a ON a.id = p.account_id WHERE t.order_id = ? AND a.kind = 'FEE_REVENUE'",
                    touched.id);
            long fee = settings.terms().feeOn(Money.of(touched.gross, touched.currency)).minor();
            assertTrue(feeHeld >= 0 && feeHeld <= fee, where + "order " + touched.id + ": fee held " + feeHeld + " of " + fee);
            if (touched.refunded == touched.gross && touched.dispute == OrderMoney.Dispute.NONE) {
                assertEquals(0, feeHeld, where + "a fully refunded order leaves no fee");
            }
        }
    }

    @Test
    void manyThreadsPostingToOneCreatorLoseNoUpdate() throws Exception {
        long store = IDS.incrementAndGet();
        LedgerTerms terms = settings.terms();
        // The first sale creates the accounts; then 16 threads sell, release and pay out at once.
        SimOrder first = new SimOrder(IDS.incrementAndGet(), 1_000, USD);
        sync(first, store);
        AtomicLong expectedNet = new AtomicLong(first.gross - terms.feeOn(Money.of(first.gross, USD)).minor());
        AtomicLong paidOut = new AtomicLong();
        List<Future<Void>> workers = new ArrayList<>();
        for (int thread = 0; thread < 16; thread++) {
            long threadSeed = thread;
            workers.add(executor.submit((Callable<Void>) () -> {
                Random random = new Random(threadSeed);
                for (int i = 0; i < 30; i++) {
                    SimOrder order = new SimOrder(IDS.incrementAndGet(), 100 + random.nextInt(10_000), USD);
                    sync(order, store);
                    expectedNet.addAndGet(order.gross - terms.feeOn(Money.of(order.gross, USD)).minor());
                    if (i % 3 == 0) {
                        inTransaction(() -> earnings.release(order.id, Instant.now().plus(Duration.ofDays(8))));
                    }
                    if (i % 5 == 0) {
                        long amount = 1 + random.nextInt(3_000);
                        if (payOut(store, Money.of(amount, USD))) {
                            paidOut.addAndGet(amount);
                        }
                    }
                }
                return null;
            }));
        }
        // Every worker ends before anything is asserted (a failed one must not leave others posting into the next test).
        List<Throwable> failures = new ArrayList<>();
        for (Future<Void> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertEquals(List.of(), failures, "every posting went through");
        assertEquals(481, single("SELECT COUNT(*) FROM ledger_transaction WHERE store_id = ? AND kind = 'SALE'", store));
        assertEquals(expectedNet.get(), -single("SELECT SUM(balance_minor) FROM ledger_account WHERE store_id = ?", store),
                "pending + available + paid out = every sale's net: no update lost");
        assertEquals(paidOut.get(), shown(store, "CREATOR_PAID_OUT", USD), "every accepted payout, once");
        assertTrue(shown(store, "CREATOR_AVAILABLE", USD) >= 0);
        assertEquals(List.of(), rows("SELECT a.id, a.balance_minor, COALESCE(SUM(p.amount_minor), 0) FROM ledger_account a"
                + " LEFT JOIN ledger_posting p ON p.account_id = a.id WHERE a.store_id IN (?, 0) GROUP BY a.id"
                + " HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0)", store));
        // Running balances were written in order: each posting's balance is the previous one's plus its amount.
        assertEquals(List.of(), rows("SELECT p.id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id"
                + " LEFT JOIN ledger_posting q ON q.account_id = p.account_id AND q.id = (SELECT MAX(r.id) FROM ledger_posting r"
                + " WHERE r.account_id = p.account_id AND r.id < p.id) WHERE a.store_id = ?"
                + " AND p.balance_after_minor <> COALESCE(q.balance_after_minor, 0) + p.amount_minor", store));
    }

    @Test
    void ledgerRowsCannotBeChangedAndTheTrialBalanceFindsATamperedBalance() throws Exception {
        long store = IDS.incrementAndGet();
        SimOrder order = new SimOrder(IDS.incrementAndGet(), 4_200, USD);
        sync(order, store);
        try (Connection c = db.getConnection()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("UPDATE ledger_posting SET amount_minor = amount_minor + 1 WHERE store_id = " + store));
            assertTrue(update.getMessage().contains("immutable"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("DELETE FROM ledger_transaction WHERE order_id = " + order.id));
            assertTrue(delete.getMessage().contains("immutable"), delete.getMessage());
        }
        assertEquals(0, trialBalance.run().orElseThrow().problems());
        long account = single("SELECT id FROM ledger_account WHERE store_id = ? AND kind = 'CREATOR_PENDING'", store);
        execute("UPDATE ledger_account SET balance_minor = balance_minor - 100 WHERE id = ?", account);
        try {
            TrialBalanceRun run = trialBalance.run().orElseThrow();
            assertFalse(run.isBalanced());
            assertTrue(run.report().stream().anyMatch(p -> p.startsWith("account " + account + " ")), "names the account: " + run.report());
            assertTrue(run.report().stream().anyMatch(p -> p.startsWith("USD: all balances sum to -100,")), run.report().toString());
        } finally {
            execute("UPDATE ledger_account SET balance_minor = balance_minor + 100 WHERE id = ?", account);
        }
        assertEquals(0, trialBalance.run().orElseThrow().problems(), "balanced again");
    }

    private void sync(SimOrder order, long store) throws Exception {
        inTransaction(() -> earnings.sync(order.money(store)));
    }

    private boolean payOut(long store, Money amount) throws Exception {
        try {
            inTransaction(() -> payouts.request(store, amount, 1));
            return true;
        } catch (PayoutException refused) {
            return false;
        }
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } finally {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        }
    }

    private static SimOrder pick(Random random, List<SimOrder> orders, java.util.function.Predicate<SimOrder> which) {
        List<SimOrder> candidates = orders.stream().filter(which).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private long shown(long store, String kind, Currency currency) throws SQLException {
        return -single("SELECT COALESCE(SUM(balance_minor), 0) FROM ledger_account WHERE store_id = ? AND kind = '" + kind
                + "' AND currency = '" + currency.getCurrencyCode() + "'", store);
    }

    private long lastTransaction() throws SQLException {
        return single("SELECT COALESCE(MAX(id), 0) FROM ledger_transaction WHERE id > ?", 0L);
    }

    private long single(String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
