package io.skillform.ledger;

import io.skillform.shared.Money;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Optional;

/**
 * What the ledger holds for one order, folded from its postings, and the posting rules that bring it up to what the
 * order's state says ({@link OrderMoney}). One entry at a time: each is posted before the next is worked out, so
 * every rule sees the creator's balances as they are.
 * <ul>
 * <li>Sale: the gross into {@code PSP_CLEARING}, the platform fee into {@code FEE_REVENUE}, the rest into the
 * creator's pending earnings.</li>
 * <li>Refund (the PSP's cumulative total rose): reversed in proportion — the fee share returned is
 * ⌊fee × refunded ÷ gross⌋ less what earlier refunds returned, so a full refund returns the fee exactly.</li>
 * <li>Dispute: what is not refunded yet is reversed with the rest of the fee, and the dispute fee is charged to the
 * creator; a won dispute returns the reversal (the PSP keeps its dispute fee).</li>
 * <li>Release: after the holding period the order's earning moves from pending to available — no more than pending
 * holds, so a debt (a refund after a payout) is settled from new earnings first.</li>
 * </ul>
 * Money taken back from a creator comes from the account that holds the order's earning: pending until it is
 * released; after that available, as far as it goes, and pending for the rest — available never goes negative.
 */
final class OrderPosition {

    private final long orderId;
    private final long storeId;
    private final Currency currency;
    private final boolean released;
    private boolean captured;
    private long gross;
    private long fee;
    private long refunded;
    private long feeReturnedByRefunds;
    private boolean disputed;
    private long disputedAmount;
    private long feeReturnedByDispute;
    private boolean disputeFeeCharged;
    private boolean disputeWon;
    private boolean pspFeeRecorded;
    private long creatorNet;

    OrderPosition(long orderId, long storeId, Currency currency, boolean released) {
        this.orderId = orderId;
        this.storeId = storeId;
        this.currency = currency;
        this.released = released;
    }

    /** Folds a posted (or just built) transaction of this order into the position. */
    void apply(TransactionKind kind, AccountKind account, long amount) {
        if (account.isUnpaidEarning()) {
            creatorNet -= amount;
        }
        switch (kind) {
            case SALE -> {
                captured = true;
                if (account == AccountKind.PSP_CLEARING) {
                    gross += amount;
                } else if (account == AccountKind.FEE_REVENUE) {
                    fee -= amount;
                }
            }
            case REFUND -> {
                if (account == AccountKind.PSP_CLEARING) {
                    refunded -= amount;
                } else if (account == AccountKind.FEE_REVENUE) {
                    feeReturnedByRefunds += amount;
                }
            }
            case DISPUTE -> {
                disputed = true;
                if (account == AccountKind.PSP_CLEARING) {
                    disputedAmount -= amount;
                } else if (account == AccountKind.FEE_REVENUE) {
                    feeReturnedByDispute += amount;
                }
            }
            case DISPUTE_FEE -> disputeFeeCharged = true;
            case DISPUTE_WON -> disputeWon = true;
            case PSP_FEE -> pspFeeRecorded = true;
            case RELEASE, PAYOUT -> {
                // Moves between the creator's own accounts: counted in creatorNet above, nothing else.
            }
        }
    }

    void apply(JournalEntry entry) {
        entry.legs().forEach(leg -> apply(entry.kind(), leg.account().kind(), leg.amount()));
    }

    /**
     * The next transaction the order's state calls for, if any.
     *
     * @param funds the creator's balances in the order's currency, as locked now
     */
    Optional<JournalEntry> next(OrderMoney target, CreatorFunds funds, LedgerTerms terms) {
        if (!target.captured() || target.gross().isZero()) {
            return Optional.empty();
        }
        if (!captured) {
            return Optional.of(sale(target.gross(), terms.feeOn(target.gross())));
        }
        if (target.dispute() == OrderMoney.Dispute.WON && disputed && !disputeWon) {
            return Optional.of(disputeWon());
        }
        // A refund reported while a dispute is open waits for its outcome: the dispute already took that money back,
        // and only the outcome says whether the PSP paid it out twice (lost) or not (won: reversal returned first).
        boolean disputeOpen = disputed && target.dispute() == OrderMoney.Dispute.OPEN;
        if (target.refunded().minor() > refunded && !disputeOpen) {
            return Optional.of(refund(target.refunded().minor(), funds));
        }
        boolean disputeReported = target.dispute() != OrderMoney.Dispute.NONE;
        if (disputeReported && !disputed && gross - refunded > 0) {
            return Optional.of(dispute(funds));
        }
        long disputeFee = terms.disputeFee(currency);
        if (disputeReported && !disputeFeeCharged && disputeFee > 0) {
            return Optional.of(debitCreator(JournalEntry.of(key("dispute-fee"), TransactionKind.DISPUTE_FEE,
                    "Dispute fee, order #" + orderId), disputeFee, funds).credit(clearing(), disputeFee).build());
        }
        return Optional.empty();
    }

    private JournalEntry disputeWon() {
        return JournalEntry.of(key("dispute-won"), TransactionKind.DISPUTE_WON, "Dispute won, order #" + orderId)
                .store(storeId).order(orderId)
                .debit(clearing(), disputedAmount)
                .credit(creator(released ? AccountKind.CREATOR_AVAILABLE : AccountKind.CREATOR_PENDING), disputedAmount - feeReturnedByDispute)
                .credit(Account.platform(AccountKind.FEE_REVENUE, currency), feeReturnedByDispute)
                .build();
    }

    private JournalEntry sale(Money amount, Money platformFee) {
        return JournalEntry.of(key("capture"), TransactionKind.SALE, "Sale, order #" + orderId)
                .store(storeId).order(orderId)
                .debit(clearing(), amount.minor())
                .credit(creator(AccountKind.CREATOR_PENDING), amount.minor() - platformFee.minor())
                .credit(Account.platform(AccountKind.FEE_REVENUE, currency), platformFee.minor())
                .build();
    }

    private JournalEntry refund(long refundedTotal, CreatorFunds funds) {
        long amount = refundedTotal - refunded;
        long feeDue = BigInteger.valueOf(fee).multiply(BigInteger.valueOf(refundedTotal))
                .divide(BigInteger.valueOf(gross)).longValueExact() - feeReturnedByRefunds;
        long feeShare = Math.max(0, Math.min(feeDue, feeLeft()));
        // Keyed by the new cumulative total: each rise of the PSP's refunded total is posted once.
        return debitCreator(JournalEntry.of(key("refund:" + refundedTotal), TransactionKind.REFUND, "Refund, order #" + orderId),
                amount - feeShare, funds)
                .debit(Account.platform(AccountKind.FEE_REVENUE, currency), feeShare)
                .credit(clearing(), amount)
                .build();
    }

    private JournalEntry dispute(CreatorFunds funds) {
        long amount = gross - refunded;
        long feeShare = Math.min(feeLeft(), amount);
        return debitCreator(JournalEntry.of(key("dispute"), TransactionKind.DISPUTE, "Dispute, order #" + orderId),
                amount - feeShare, funds)
                .debit(Account.platform(AccountKind.FEE_REVENUE, currency), feeShare)
                .credit(clearing(), amount)
                .build();
    }

    /**
     * The order's remaining earning moves from pending to available, up to what pending holds; empty when there is
     * nothing to move (all refunded, or a debt absorbed it).
     */
    Optional<JournalEntry> release(CreatorFunds funds) {
        long amount = Math.min(creatorNet, Math.max(0, funds.pending()));
        if (amount <= 0) {
            return Optional.empty();
        }
        return Optional.of(JournalEntry.of(key("release"), TransactionKind.RELEASE, "Released, order #" + orderId)
                .store(storeId).order(orderId)
                .debit(creator(AccountKind.CREATOR_PENDING), amount)
                .credit(creator(AccountKind.CREATOR_AVAILABLE), amount)
                .build());
    }

    /** The PSP's processing fee, borne by the platform: it never touches the creator's earning. */
    Optional<JournalEntry> pspFee(Money pspFee) {
        if (pspFeeRecorded || pspFee.isZero() || !captured) {
            return Optional.empty();
        }
        Account fees = Account.platform(AccountKind.PSP_FEES, pspFee.currency());
        Account psp = Account.platform(AccountKind.PSP_CLEARING, pspFee.currency());
        return Optional.of(JournalEntry.of(key("psp-fee"), TransactionKind.PSP_FEE, "Payment processing fee, order #" + orderId)
                .store(storeId).order(orderId)
                .debit(fees, pspFee.minor())
                .credit(psp, pspFee.minor())
                .build());
    }

    private JournalEntry.Builder debitCreator(JournalEntry.Builder entry, long amount, CreatorFunds funds) {
        long fromAvailable = released ? Math.min(amount, Math.max(0, funds.available())) : 0;
        return entry.store(storeId).order(orderId)
                .debit(creator(AccountKind.CREATOR_AVAILABLE), fromAvailable)
                .debit(creator(AccountKind.CREATOR_PENDING), amount - fromAvailable);
    }

    private long feeLeft() {
        return fee - feeReturnedByRefunds - (disputeWon ? 0 : feeReturnedByDispute);
    }

    private String key(String step) {
        return "order:" + orderId + ":" + step;
    }

    private Account clearing() {
        return Account.platform(AccountKind.PSP_CLEARING, currency);
    }

    private Account creator(AccountKind kind) {
        return Account.creator(storeId, kind, currency);
    }

    boolean isCaptured() {
        return captured;
    }

    /** A creator's unpaid earnings in one currency, shown positive. */
    record CreatorFunds(long pending, long available) {
    }
}
