package io.skillform.ledger;

import io.skillform.shared.InstantConverter;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a creator's dashboard reads. Every read is bounded by the store's accounts (a handful), its day totals or one
 * page of postings — never by the length of its history — so it stays as fast after a million postings.
 * Dates are UTC days; a range is from its first day to its last, both included.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EarningsReport {

    private static final String LINE_SELECT = "SELECT p.id, p.posted_at, t.kind, t.memo, t.order_id, a.kind, a.currency,"
            + " p.amount_minor, p.balance_after_minor FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
            + " JOIN ledger_account a ON a.id = p.account_id";
    private static final String LINE_RANGE = " WHERE p.store_id = ? AND p.posted_at >= ? AND p.posted_at < ?";

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    /** Per currency the store has earned in: balances and lifetime totals. */
    public List<CurrencyEarnings> summary(long storeId) {
        Map<Currency, long[]> balances = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (LedgerAccount account : accounts(storeId)) {
            balances.computeIfAbsent(account.currency(), c -> new long[3])[account.kind().ordinal()] = account.shownBalance();
        }
        Map<Currency, Object[]> totals = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT currency, SUM(gross_minor), SUM(refunds_minor), SUM(fees_minor), SUM(net_minor),"
                        + " SUM(sales) FROM earnings_day WHERE store_id = ? GROUP BY currency")
                .setParameter(1, storeId).getResultList()) {
            Object[] cells = (Object[]) row;
            Currency currency = Currency.getInstance((String) cells[0]);
            totals.put(currency, cells);
            balances.computeIfAbsent(currency, c -> new long[3]);
        }
        List<CurrencyEarnings> summary = new ArrayList<>();
        balances.forEach((currency, held) -> {
            Object[] sums = totals.getOrDefault(currency, new Object[] {null, 0, 0, 0, 0, 0});
            summary.add(new CurrencyEarnings(currency,
                    Money.of(held[AccountKind.CREATOR_PENDING.ordinal()], currency),
                    Money.of(held[AccountKind.CREATOR_AVAILABLE.ordinal()], currency),
                    Money.of(held[AccountKind.CREATOR_PAID_OUT.ordinal()], currency),
                    Money.of(number(sums[1]), currency), Money.of(number(sums[2]), currency),
                    Money.of(number(sums[3]), currency), Money.of(number(sums[4]), currency), number(sums[5])));
        });
        return summary;
    }

    /**
     * When the store's next pending earnings in this currency become available (the earliest holding period still
     * running); empty when nothing is held.
     */
    public Optional<Instant> nextRelease(long storeId, Currency currency) {
        List<?> rows = em.createNativeQuery("SELECT MIN(release_at) FROM earning_hold WHERE store_id = ? AND currency = ?"
                        + " AND released_at IS NULL")
                .setParameter(1, storeId).setParameter(2, currency.getCurrencyCode())
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(InstantConverter.fromColumn(rows.get(0)));
    }

    /** The store's accounts: a read of a few rows by key. */
    public List<LedgerAccount> accounts(long storeId) {
        return em.createQuery("SELECT a FROM LedgerAccount a WHERE a.storeId = :store ORDER BY a.currency, a.kind", LedgerAccount.class)
                .setParameter("store", storeId).getResultList();
    }

    /** Net earnings per day from {@code from} to {@code to}, every day present (0 where nothing happened). */
    public List<DayEarnings> daily(long storeId, Currency currency, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> net = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT earned_on, net_minor FROM earnings_day WHERE store_id = ? AND currency = ?"
                        + " AND earned_on BETWEEN ? AND ?")
                .setParameter(1, storeId).setParameter(2, currency.getCurrencyCode())
                .setParameter(3, Date.valueOf(from)).setParameter(4, Date.valueOf(to)).getResultList()) {
            Object[] cells = (Object[]) row;
            net.put(((Date) cells[0]).toLocalDate(), number(cells[1]));
        }
        List<DayEarnings> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new DayEarnings(day, net.getOrDefault(day, 0L)));
        }
        return days;
    }

    /** How many lines the store's ledger has in the range (from the day totals: no scan of postings). */
    public long lineCount(long storeId, LocalDate from, LocalDate to) {
        return number(em.createNativeQuery("SELECT SUM(line_count) FROM earnings_day WHERE store_id = ? AND earned_on BETWEEN ? AND ?")
                .setParameter(1, storeId).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to)).getSingleResult());
    }

    /**
     * One page of the store's ledger lines in the range, newest first. The page's postings are found in the index
     * alone, then joined: a far page skips index entries, not joined rows.
     */
    public List<LedgerLine> lines(long storeId, LocalDate from, LocalDate to, int first, int max) {
        return lines(range(em.createNativeQuery(LINE_SELECT + " JOIN (SELECT id FROM ledger_posting WHERE store_id = ? AND posted_at >= ?"
                        + " AND posted_at < ? ORDER BY posted_at DESC, id DESC LIMIT ? OFFSET ?) page ON page.id = p.id"
                        + " ORDER BY p.posted_at DESC, p.id DESC"), storeId, from, to)
                .setParameter(4, max).setParameter(5, first).getResultList());
    }

    /**
     * The next lines in the range after a line (oldest first), for an export that walks any number of lines in
     * bounded pages: each page continues from the last one's position in the index.
     */
    public List<LedgerLine> linesAfter(long storeId, LocalDate from, LocalDate to, LedgerLine after, int max) {
        if (after == null) {
            return lines(range(em.createNativeQuery(LINE_SELECT + LINE_RANGE + " ORDER BY p.posted_at, p.id LIMIT ?"), storeId, from, to)
                    .setParameter(4, max).getResultList());
        }
        return lines(range(em.createNativeQuery(LINE_SELECT + LINE_RANGE + " AND (p.posted_at > ? OR (p.posted_at = ? AND p.id > ?))"
                        + " ORDER BY p.posted_at, p.id LIMIT ?"), storeId, from, to)
                .setParameter(4, Timestamp.from(after.postedAt())).setParameter(5, Timestamp.from(after.postedAt()))
                .setParameter(6, after.id()).setParameter(7, max).getResultList());
    }

    /**
     * A page of the store's ledger lines in the range, newest first, before a position (time, posting id) — keyset, for
     * the API's cursor: each page continues from the last one's position in the index.
     */
    public List<LedgerLine> linesBefore(long storeId, LocalDate from, LocalDate to, Optional<Instant> beforeAt, long beforeId, int max) {
        String before = beforeAt.isEmpty() ? "" : " AND (p.posted_at < ? OR (p.posted_at = ? AND p.id < ?))";
        var query = range(em.createNativeQuery(LINE_SELECT + LINE_RANGE + before + " ORDER BY p.posted_at DESC, p.id DESC LIMIT ?"),
                storeId, from, to);
        int next = 4;
        if (beforeAt.isPresent()) {
            Timestamp at = Timestamp.from(beforeAt.get());
            query.setParameter(next++, at).setParameter(next++, at).setParameter(next++, beforeId);
        }
        return lines(query.setParameter(next, max).getResultList());
    }

    private static jakarta.persistence.Query range(jakarta.persistence.Query query, long storeId, LocalDate from, LocalDate to) {
        return query.setParameter(1, storeId)
                .setParameter(2, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(3, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static List<LedgerLine> lines(List<?> rows) {
        List<LedgerLine> lines = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            AccountKind account = AccountKind.valueOf((String) c[5]);
            Currency currency = Currency.getInstance((String) c[6]);
            lines.add(new LedgerLine(number(c[0]), InstantConverter.fromColumn(c[1]), TransactionKind.valueOf((String) c[2]), (String) c[3],
                    c[4] == null ? null : number(c[4]), account,
                    Money.of(account.shown(number(c[7])), currency), Money.of(account.shown(number(c[8])), currency)));
        }
        return lines;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
