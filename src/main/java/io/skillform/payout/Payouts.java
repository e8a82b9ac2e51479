package io.skillform.payout;

import io.skillform.ledger.Account;
import io.skillform.ledger.AccountKind;
import io.skillform.ledger.Journal;
import io.skillform.ledger.JournalEntry;
import io.skillform.ledger.LedgerAccount;
import io.skillform.ledger.TransactionKind;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

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
        Account available = Account.creator(storeId, AccountKind.CREATOR_AVAILABLE, amount.currency());
        Account paidOut = Account.creator(storeId, AccountKind.CREATOR_PAID_OUT, amount.currency());
        journal.open(List.of(available));
        LedgerAccount balance = journal.lock(List.of(available, paidOut)).get(available);
        Money left = Money.of(balance.shownBalance(), amount.currency());
        if (!left.isAtLeast(amount)) {
            throw new PayoutException("Only " + left.format(Locale.US) + " is available for payout.");
        }
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

    public List<Payout> of(long storeId, int limit) {
        return em.createQuery("SELECT p FROM Payout p WHERE p.storeId = :store ORDER BY p.id DESC", Payout.class)
                .setParameter("store", storeId).setMaxResults(limit).getResultList();
    }
}
