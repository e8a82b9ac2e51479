package io.skillform.ledger;

/** Why money moved; the creator's ledger lines and earnings totals are read by kind. */
public enum TransactionKind {
    SALE("Sale"),
    REFUND("Refund"),
    DISPUTE("Dispute"),
    DISPUTE_FEE("Dispute fee"),
    DISPUTE_WON("Dispute won"),
    RELEASE("Released"),
    PSP_FEE("Payment processing fee"),
    PAYOUT("Payout");

    private final String label;

    TransactionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
