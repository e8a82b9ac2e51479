package io.skillform.ledger;

/**
 * What an account holds. Balances are stored as debits minus credits; {@link #shown} turns them into the figure a
 * person expects (a creator's pending earnings are a credit balance — money the platform owes — shown positive).
 */
public enum AccountKind {

    /** A creator's earnings still inside the holding period (refunds and disputes come out of these first). */
    CREATOR_PENDING(false, true),
    /** A creator's earnings that may be paid out. */
    CREATOR_AVAILABLE(false, true),
    /** What has been paid out to the creator. */
    CREATOR_PAID_OUT(false, true),
    /** Money the PSPs hold for the platform: gross captured, less refunds, disputes and PSP fees. */
    PSP_CLEARING(true, false),
    /** The platform's fees on sales, net of the share returned with refunds and disputes. */
    FEE_REVENUE(false, false),
    /** What the PSPs charged the platform to process payments. */
    PSP_FEES(true, false);

    private final boolean debitNormal;
    private final boolean creator;

    AccountKind(boolean debitNormal, boolean creator) {
        this.debitNormal = debitNormal;
        this.creator = creator;
    }

    public boolean isCreator() {
        return creator;
    }

    /** The balance on the account's normal side: positive when it holds what it is meant to hold. */
    public long shown(long debitsMinusCredits) {
        return debitNormal ? debitsMinusCredits : Math.negateExact(debitsMinusCredits);
    }

    /** Earnings the creator has not been paid yet. */
    boolean isUnpaidEarning() {
        return this == CREATOR_PENDING || this == CREATOR_AVAILABLE;
    }
}
