package io.skillform.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The posting rules of an order, one entry at a time, on a book kept in memory. */
class PostingRulesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final long STORE = 7;
    private static final LedgerTerms TERMS = LedgerTerms.parse("5", "USD:30,EUR:0", "USD:1500,EUR:1500", "P7D");

    private final Map<Account, Long> book = new HashMap<>();
    private final List<JournalEntry> history = new ArrayList<>();

    private static Account creator(AccountKind kind) {
        return Account.creator(STORE, kind, USD);
    }

    private static Account platform(AccountKind kind) {
        return Account.platform(kind, USD);
    }

    private long shown(Account account) {
        return account.kind().shown(book.getOrDefault(account, 0L));
    }

    private OrderPosition.CreatorFunds funds() {
        return new OrderPosition.CreatorFunds(shown(creator(AccountKind.CREATOR_PENDING)), shown(creator(AccountKind.CREATOR_AVAILABLE)));
    }

    /** Posts every entry the target calls for; answers how many. */
    private int catchUp(OrderPosition position, OrderMoney target) {
        int posted = 0;
        for (Optional<JournalEntry> next = position.next(target, funds(), TERMS); next.isPresent();
             next = position.next(target, funds(), TERMS)) {
            post(position, next.get());
            posted++;
            assertTrue(posted < 10, "the rules do not converge");
        }
        return posted;
    }

    private void post(OrderPosition position, JournalEntry entry) {
        entry.legs().forEach(leg -> book.merge(leg.account(), leg.amount(), Math::addExact));
        position.apply(entry);
        history.add(entry);
    }

    /** The order's position folded from what was posted, as the service reads it after the hold ended. */
    private OrderPosition reread(long orderId, boolean released) {
        OrderPosition position = new OrderPosition(orderId, STORE, USD, released);
        history.stream().filter(e -> e.orderId().orElse(-1L) == orderId).forEach(position::apply);
        return position;
    }

    private static OrderMoney order(long id, long gross, long refunded, OrderMoney.Dispute dispute) {
        return new OrderMoney(id, STORE, Money.of(gross, USD), true, Instant.EPOCH, Money.of(refunded, USD), dispute);
    }

    @Test
    void aSaleSplitsTheGrossIntoTheCreatorsPendingAndThePlatformFee() {
        OrderPosition position = new OrderPosition(1, STORE, USD, false);
        assertEquals(1, catchUp(position, order(1, 2000, 0, OrderMoney.Dispute.NONE)));
        // 5 % of 20.00 = 1.00, + 0.30 fixed
        assertEquals(2000, shown(platform(AccountKind.PSP_CLEARING)));
        assertEquals(130, shown(platform(AccountKind.FEE_REVENUE)));
        assertEquals(1870, shown(creator(AccountKind.CREATOR_PENDING)));
        assertEquals(0, catchUp(position, order(1, 2000, 0, OrderMoney.Dispute.NONE)), "the same state posts nothing twice");
    }

    @Test
    void theFeeIsRoundedHalfUpAndNeverMoreThanTheSale() {
        assertEquals(Money.of(30 + 3, USD), TERMS.feeOn(Money.of(50, USD)), "5 % of 50 = 2.5 → 3");
        assertEquals(Money.of(20, USD), TERMS.feeOn(Money.of(20, USD)), "the fixed fee alone exceeds a 0.20 sale");
        assertEquals(Money.of(50, Currency.getInstance("EUR")), TERMS.feeOn(Money.of(1000, Currency.getInstance("EUR"))),
                "EUR:0 — no fixed fee for EUR");
    }

    @Test
    void refundsReturnTheFeeInProportionAndExactlyInFull() {
        OrderPosition position = new OrderPosition(2, STORE, USD, false);
        catchUp(position, order(2, 999, 0, OrderMoney.Dispute.NONE));
        long fee = shown(platform(AccountKind.FEE_REVENUE));
        assertEquals(80, fee, "round(49.95) + 30");
        catchUp(position, order(2, 999, 333, OrderMoney.Dispute.NONE));
        assertEquals(fee - 80 * 333 / 999, shown(platform(AccountKind.FEE_REVENUE)));
        catchUp(position, order(2, 999, 998, OrderMoney.Dispute.NONE));
        catchUp(position, order(2, 999, 999, OrderMoney.Dispute.NONE));
        assertEquals(0, shown(platform(AccountKind.FEE_REVENUE)), "a full refund returns the whole fee");
        assertEquals(0, shown(creator(AccountKind.CREATOR_PENDING)));
        assertEquals(0, shown(platform(AccountKind.PSP_CLEARING)));
    }

    @Test
    void aDisputeReversesWhatIsLeftAndChargesItsFeeAndAWinReturnsTheReversal() {
        OrderPosition position = new OrderPosition(3, STORE, USD, false);
        catchUp(position, order(3, 10_000, 2_000, OrderMoney.Dispute.NONE));
        long pendingBefore = shown(creator(AccountKind.CREATOR_PENDING));
        assertEquals(2, catchUp(position, order(3, 10_000, 2_000, OrderMoney.Dispute.OPEN)));
        assertEquals(-1500, shown(creator(AccountKind.CREATOR_PENDING)), "reversed to zero, less the dispute fee");
        assertEquals(0, shown(platform(AccountKind.FEE_REVENUE)));
        assertEquals(-1500, shown(platform(AccountKind.PSP_CLEARING)), "the PSP took the disputed amount and its fee");
        assertEquals(1, catchUp(position, order(3, 10_000, 2_000, OrderMoney.Dispute.WON)));
        assertEquals(pendingBefore - 1500, shown(creator(AccountKind.CREATOR_PENDING)), "the dispute fee is not returned");
        assertEquals(0, catchUp(position, order(3, 10_000, 2_000, OrderMoney.Dispute.WON)));
    }

    @Test
    void aRefundReportedDuringAnOpenDisputeWaitsForItsOutcome() {
        OrderPosition position = new OrderPosition(6, STORE, USD, false);
        catchUp(position, order(6, 10_000, 0, OrderMoney.Dispute.NONE));
        catchUp(position, order(6, 10_000, 0, OrderMoney.Dispute.OPEN));
        long pendingInDispute = shown(creator(AccountKind.CREATOR_PENDING));
        assertEquals(0, catchUp(position, order(6, 10_000, 10_000, OrderMoney.Dispute.OPEN)), "nothing taken twice meanwhile");
        assertEquals(pendingInDispute, shown(creator(AccountKind.CREATOR_PENDING)));
        // Won: the reversal comes back first, then the refund is posted as any refund — the whole fee returned.
        assertEquals(2, catchUp(position, order(6, 10_000, 10_000, OrderMoney.Dispute.WON)));
        assertEquals(0, shown(platform(AccountKind.FEE_REVENUE)));
        assertEquals(-1500, shown(creator(AccountKind.CREATOR_PENDING)), "refunded in full; only the dispute fee is the creator's loss");
        assertEquals(-1500, shown(platform(AccountKind.PSP_CLEARING)));
    }

    @Test
    void aRefundAfterReleaseAndPayoutTakesWhatAvailableHasAndLeavesTheRestOwedInPending() {
        OrderPosition position = new OrderPosition(4, STORE, USD, false);
        catchUp(position, order(4, 1_000, 0, OrderMoney.Dispute.NONE));
        post(position, position.release(funds()).orElseThrow());
        assertEquals(920, shown(creator(AccountKind.CREATOR_AVAILABLE)));
        // A payout of 9.00 leaves 0.20 available.
        book.merge(creator(AccountKind.CREATOR_AVAILABLE), 900L, Math::addExact);
        book.merge(creator(AccountKind.CREATOR_PAID_OUT), -900L, Math::addExact);
        OrderPosition released = reread(4, true);
        catchUp(released, order(4, 1_000, 1_000, OrderMoney.Dispute.NONE));
        assertEquals(0, shown(creator(AccountKind.CREATOR_AVAILABLE)), "available gives what it has, never below zero");
        assertEquals(-900, shown(creator(AccountKind.CREATOR_PENDING)), "the rest is owed, out of future earnings");
    }

    @Test
    void releaseMovesNoMoreThanPendingHolds() {
        book.put(creator(AccountKind.CREATOR_PENDING), 100L); // a debt of 1.00 (a debit balance)
        OrderPosition position = new OrderPosition(5, STORE, USD, false);
        catchUp(position, order(5, 1_000, 0, OrderMoney.Dispute.NONE));
        JournalEntry release = position.release(funds()).orElseThrow();
        assertEquals(-820, release.amountOn(creator(AccountKind.CREATOR_AVAILABLE)), "920 earned less the 100 owed");
    }

    @Test
    void anUnbalancedOrMalformedEntryCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.of("k", TransactionKind.SALE, "x")
                .debit(platform(AccountKind.PSP_CLEARING), 100).credit(platform(AccountKind.FEE_REVENUE), 99).build());
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.of("k", TransactionKind.SALE, "x")
                .debit(platform(AccountKind.PSP_CLEARING), 100).build(), "one leg");
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.of("k", TransactionKind.SALE, "x")
                .debit(platform(AccountKind.PSP_CLEARING), 100)
                .credit(Account.platform(AccountKind.FEE_REVENUE, Currency.getInstance("EUR")), 100).build(), "two currencies");
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.of("k", TransactionKind.SALE, "x").store(8)
                .debit(platform(AccountKind.PSP_CLEARING), 100).credit(creator(AccountKind.CREATOR_PENDING), 100).build(),
                "another store's account");
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.of("k", TransactionKind.SALE, "x")
                .debit(platform(AccountKind.PSP_CLEARING), -5));
        assertThrows(IllegalArgumentException.class, () -> Account.creator(0, AccountKind.CREATOR_PENDING, USD));
        assertThrows(IllegalArgumentException.class, () -> LedgerTerms.parse("5.555", "", "", "P7D"));
        assertThrows(IllegalArgumentException.class, () -> LedgerTerms.parse("5", "USD=30", "", "P7D"));
        assertThrows(IllegalArgumentException.class, () -> LedgerTerms.parse("5", "USD:30", "USD:1500", "7"), "a holding period needs its unit");
        assertThrows(IllegalArgumentException.class, () -> LedgerTerms.parse("5", "", "", "P7D"), "no currency to sell in");
    }

    @Test
    void everyCurrencyOfferedByDefaultPaysAFixedAndADisputeFee() {
        LedgerTerms defaults = LedgerTerms.parse("5", LedgerSettings.FIXED_FEES, LedgerSettings.DISPUTE_FEES, "P7D");
        for (String code : List.of("USD", "EUR", "GBP", "CAD", "AUD", "NGN", "GHS", "KES", "ZAR", "INR", "JPY")) {
            Currency currency = Currency.getInstance(code);
            assertTrue(defaults.prices(currency), code);
            assertTrue(defaults.feeOn(Money.of(0, currency)).minor() == 0 && defaults.feeOn(Money.of(1_000_000, currency)).minor() > 50_000,
                    code + ": 5 % and a fixed fee");
            assertTrue(defaults.disputeFee(currency) > 0, code);
        }
        assertEquals(Money.of(100_000 + 50_000, Currency.getInstance("NGN")), defaults.feeOn(Money.of(2_000_000, Currency.getInstance("NGN"))),
                "5 % of ₦20,000 plus ₦500");
        assertEquals(11, defaults.currencies().size(), "what the store forms offer");
    }

    @Test
    void termsThatLeaveACurrencyWithoutAFeeAreRefusedWithTheSettingToFix() {
        IllegalArgumentException noDisputeFee = assertThrows(IllegalArgumentException.class,
                () -> LedgerTerms.parse("5", "USD:30,KES:4000", "USD:1500", "P7D"));
        assertEquals("SKILLFORM_LEDGER_DISPUTE_FEE has no amount for KES, though SKILLFORM_LEDGER_FEE_FIXED names it"
                + " (write KES:0 for no fee)", noDisputeFee.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LedgerTerms.parse("5", "USD:30", "USD:1500,JPY:2000", "P7D"));

        Currency kes = Currency.getInstance("KES");
        IllegalArgumentException unpriced = assertThrows(IllegalArgumentException.class, () -> TERMS.requirePrices(List.of(USD, kes)));
        assertEquals("SKILLFORM_LEDGER_FEE_FIXED and SKILLFORM_LEDGER_DISPUTE_FEE have no amount for KES, which stores sell in",
                unpriced.getMessage());
        TERMS.requirePrices(List.of(USD));
        assertThrows(IllegalStateException.class, () -> TERMS.feeOn(Money.of(1000, kes)), "never a fee of 0 by omission");
        assertThrows(IllegalStateException.class, () -> TERMS.disputeFee(kes));
    }
}
