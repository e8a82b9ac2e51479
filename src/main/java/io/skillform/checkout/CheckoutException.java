package io.skillform.checkout;

import jakarta.ejb.ApplicationException;

/** A checkout or refund that cannot go ahead, with a message meant for the person who asked. Nothing changed. */
@ApplicationException(rollback = true)
public class CheckoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckoutException(String message) {
        super(message);
    }
}
