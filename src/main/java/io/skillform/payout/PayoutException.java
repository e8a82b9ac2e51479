package io.skillform.payout;

import jakarta.ejb.ApplicationException;

/** A payout that cannot be made, with a message for the creator; nothing was changed. */
@ApplicationException(rollback = true)
public class PayoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutException(String message) {
        super(message);
    }
}
