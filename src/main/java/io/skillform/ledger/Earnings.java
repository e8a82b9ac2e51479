package io.skillform.ledger;

import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A creator's earnings from orders: posts what an order's state calls for, releases earnings after the holding
 * period, records the PSP's fee. Per order, work is serialised by the order's hold row (taken before any account),
 * so an order's postings are worked out from a position nobody else is changing.
 */
@Stateless
public class Earnings {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private LedgerSettings settings;

    private final Clock clock = Clock.systemUTC();

    /**
     * Posts whatever the order's state implies and the ledger does not hold yet: the sale, a rise of the refunded
     * total, a dispute and its fee, a won dispute. Idempotent: the same state twice posts nothing the second time.
     * Runs in the transaction that changed the order (whose row lock the caller holds).
     *
     * @return the keys of the transactions posted now
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> sync(OrderMoney order) {
        List<String> posted = new ArrayList<>();
        if (!order.captured() || order.gross().isZero()) {
            return posted;
        }
        Currency currency = order.gross().currency();
        journal.open(List.of(Account.creator(order.storeId(), AccountKind.CREATOR_PENDING, currency),
                Account.platform(AccountKind.PSP_CLEARING, currency)));
        // The hold row exists once the sale is posted, and is locked before the postings are read. Its existence is
        // seen with a plain read: a locking read of a row that does not exist would take a gap lock, and two first
        // sales inserting their holds into that gap would deadlock. (A first sale is serialised by the order's lock.)
        boolean sold = !em.createNativeQuery("SELECT 1 FROM earning_hold WHERE order_id = ?").setParameter(1, order.orderId())
                .getResultList().isEmpty();
        boolean released = sold && lockHold(order.orderId()).orElseThrow();
        // Nothing is posted for an order before its sale (which comes with its hold).
        OrderPosition position = fold(new OrderPosition(order.orderId(), order.storeId(), currency, released),
                sold ? postedLegs(order.orderId()) : List.of());
        LedgerTerms terms = settings.terms();
        while (true) {
            Optional<JournalEntry> next = position.next(order, funds(order.storeId(), currency), terms);
            if (next.isEmpty()) {
                break;
            }
            if (journal.post(next.get()).isEmpty()) {
                throw new IllegalStateException("Order " + order.orderId() + ": " + next.get().key() + " is posted but not in its position");
            }
            position.apply(next.get());
            posted.add(next.get().key());
        }
        if (!sold && position.isCaptured()) {
            em.createNativeQuery("INSERT INTO earning_hold (order_id, store_id, currency, release_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, order.orderId()).setParameter(2, order.storeId())
                    .setParameter(3, currency.getCurrencyCode())
                    .setParameter(4, Timestamp.from(order.capturedAt().plus(terms.holding())))
                    .executeUpdate();
        }
        return posted;
    }

    /** Orders whose earning is due for release, oldest first: read without locks, each released in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> dueForRelease(Instant asOf, int limit) {
        return longs(em.createNativeQuery("SELECT order_id FROM earning_hold WHERE released_at IS NULL AND release_at <= ?"
                        + " ORDER BY release_at LIMIT ?")
                .setParameter(1, Timestamp.from(asOf)).setParameter(2, limit).getResultList());
    }

    /**
     * Moves one order's remaining earning from pending to available if its holding period has ended.
     *
     * @return whether the hold ended now (false: not due, or released already)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean release(long orderId, Instant asOf) {
        List<?> hold = em.createNativeQuery("SELECT store_id, currency FROM earning_hold WHERE order_id = ? AND released_at IS NULL"
                        + " AND release_at <= ? FOR UPDATE")
                .setParameter(1, orderId).setParameter(2, Timestamp.from(asOf)).getResultList();
        if (hold.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) hold.get(0);
        long storeId = ((Number) row[0]).longValue();
        Currency currency = Currency.getInstance((String) row[1]);
        journal.open(List.of(Account.creator(storeId, AccountKind.CREATOR_PENDING, currency)));
        OrderPosition position = position(orderId, storeId, currency, false);
        position.release(funds(storeId, currency)).ifPresent(journal::post);
        em.createNativeQuery("UPDATE earning_hold SET released_at = ? WHERE order_id = ?")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, orderId).executeUpdate();
        return true;
    }

    /** Sales since {@code since} whose PSP fee is not recorded yet, after {@code afterOrderId}, by order id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> awaitingPspFee(Instant since, long afterOrderId, int limit) {
        return longs(em.createNativeQuery("SELECT t.order_id FROM ledger_transaction t WHERE t.kind = 'SALE' AND t.posted_at >= ?"
                        + " AND t.order_id > ? AND NOT EXISTS (SELECT 1 FROM ledger_transaction f"
                        + " WHERE f.idempotency_key = CONCAT('order:', t.order_id, ':psp-fee')) ORDER BY t.order_id LIMIT ?")
                .setParameter(1, Timestamp.from(since)).setParameter(2, afterOrderId).setParameter(3, limit).getResultList());
    }

    /** Records what the PSP charged for an order's payment (its balance transaction's fee); once per order. */
    public boolean recordPspFee(long orderId, Money fee) {
        journal.open(List.of(Account.platform(AccountKind.PSP_FEES, fee.currency())));
        List<?> hold = em.createNativeQuery("SELECT store_id, currency, released_at FROM earning_hold WHERE order_id = ? FOR UPDATE")
                .setParameter(1, orderId).getResultList();
        if (hold.isEmpty()) {
            return false;
        }
        Object[] sale = (Object[]) hold.get(0);
        OrderPosition position = position(orderId, ((Number) sale[0]).longValue(), Currency.getInstance((String) sale[1]), sale[2] != null);
        return position.pspFee(fee).flatMap(journal::post).isPresent();
    }

    /** Locks the order's hold row (callers know it exists); empty if it does not, else whether it has been released. */
    private Optional<Boolean> lockHold(long orderId) {
        List<?> rows = em.createNativeQuery("SELECT released_at FROM earning_hold WHERE order_id = ? FOR UPDATE")
                .setParameter(1, orderId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0) != null);
    }

    private OrderPosition position(long orderId, long storeId, Currency currency, boolean released) {
        return fold(new OrderPosition(orderId, storeId, currency, released), postedLegs(orderId));
    }

    /** The order's postings: transaction kind, account kind, amount. */
    private List<Object[]> postedLegs(long orderId) {
        return em.createNativeQuery("SELECT t.kind, a.kind, p.amount_minor FROM ledger_transaction t"
                        + " JOIN ledger_posting p ON p.transaction_id = t.id JOIN ledger_account a ON a.id = p.account_id"
                        + " WHERE t.order_id = ? ORDER BY p.id")
                .setParameter(1, orderId).getResultList().stream().map(row -> (Object[]) row).toList();
    }

    private static OrderPosition fold(OrderPosition position, List<Object[]> legs) {
        for (Object[] leg : legs) {
            position.apply(TransactionKind.valueOf((String) leg[0]), AccountKind.valueOf((String) leg[1]), ((Number) leg[2]).longValue());
        }
        return position;
    }

    /** Locks the creator's earning accounts in the currency and reads them. */
    private OrderPosition.CreatorFunds funds(long storeId, Currency currency) {
        Map<Account, LedgerAccount> accounts = journal.lock(List.of(
                Account.creator(storeId, AccountKind.CREATOR_PENDING, currency),
                Account.creator(storeId, AccountKind.CREATOR_AVAILABLE, currency)));
        return new OrderPosition.CreatorFunds(
                accounts.get(Account.creator(storeId, AccountKind.CREATOR_PENDING, currency)).shownBalance(),
                accounts.get(Account.creator(storeId, AccountKind.CREATOR_AVAILABLE, currency)).shownBalance());
    }

    private static List<Long> longs(List<?> rows) {
        return rows.stream().map(n -> ((Number) n).longValue()).toList();
    }
}
