package io.skillform.payout;

import io.skillform.ledger.Account;
import io.skillform.ledger.AccountKind;
import io.skillform.ledger.Journal;
import io.skillform.ledger.JournalEntry;
import io.skillform.ledger.TransactionKind;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Creators' payouts: one transaction per request, refused unless the available balance covers it. */
@Stateless
public class Payouts {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Journal journal;

    private final Clock clock = Clock.systemUTC();

    /**
     * Takes {@code amount} out of the store's available earnings. The balance is read under the accounts' lock, so
     * two requests at once cannot both spend the same money.
     *
     * @throws PayoutException if available does not cover it (nothing changes)
     */
    public Payout request(long storeId, Money amount, long requestedBy) {
        return payOut(storeId, amount.currency(), available -> {
            if (!available.isAtLeast(amount)) {
                throw new PayoutException("Only " + available.format(Locale.US) + " is available for payout.");
            }
            return amount;
        }, requestedBy);
    }

    /** Pays out all that is available in the currency at this moment (read under the lock, not from a page). */
    public Payout requestAll(long storeId, Currency currency, long requestedBy) {
        return payOut(storeId, currency, available -> {
            if (available.isZero() || available.isNegative()) {
                throw new PayoutException("Nothing is available for payout in " + currency.getCurrencyCode() + ".");
            }
            return available;
        }, requestedBy);
    }

    private Payout payOut(long storeId, Currency currency, UnaryOperator<Money> amountOf, long requestedBy) {
        Account available = Account.creator(storeId, AccountKind.CREATOR_AVAILABLE, currency);
        Account paidOut = Account.creator(storeId, AccountKind.CREATOR_PAID_OUT, currency);
        if (!journal.isOpen(available)) {
            // Never earned in this currency: refused before anything is created.
            throw new PayoutException("Nothing is available for payout in " + currency.getCurrencyCode() + ".");
        }
        Money amount = amountOf.apply(journal.lock(List.of(available, paidOut)).get(available).shownMoney());
        Payout payout = new Payout(storeId, amount, requestedBy, clock.instant());
        em.persist(payout);
        em.flush();
        journal.post(JournalEntry.of("payout:" + payout.id(), TransactionKind.PAYOUT, "Payout #" + payout.id())
                .store(storeId)
                .debit(available, amount.minor())
                .credit(paidOut, amount.minor())
                .build());
        return payout;
    }
}
