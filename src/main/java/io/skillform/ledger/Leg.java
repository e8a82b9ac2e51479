package io.skillform.ledger;

/** One line of a journal entry: an account and a signed amount in its minor units (a debit positive, a credit negative). */
public record Leg(Account account, long amount) {

    public Leg {
        if (amount == 0) {
            throw new IllegalArgumentException("A posting moves money: zero is not a posting");
        }
    }
}
