package io.skillform.checkout;

import jakarta.ejb.ApplicationException;

/** A checkout or refund that cannot go ahead, with a message meant for the person who asked. Nothing changed. */
@ApplicationException(rollback = true)
public class CheckoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckoutException(String message) {
        super(message);
    }

    /**
     * The PSP did not answer: the outcome is unknown, and asking again (with the same idempotency key at the PSP) is
     * the way to learn it — not a refusal to remember.
     */
    public static final class Unconfirmed extends CheckoutException {

        private static final long serialVersionUID = 1L;

        public Unconfirmed(String message) {
            super(message);
        }
    }

    /**
     * The payment provider cannot be reached, or no provider is set up on this server, now: nothing was charged, and
     * the same checkout asked again later may well go ahead — not a refusal to remember.
     */
    public static final class Unavailable extends CheckoutException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
