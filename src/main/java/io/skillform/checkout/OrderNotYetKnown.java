package io.skillform.checkout;

/** A PSP event that can only be applied once an earlier one has been: it is retried later, not dropped. */
public class OrderNotYetKnown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderNotYetKnown(String message) {
        super(message);
    }
}
