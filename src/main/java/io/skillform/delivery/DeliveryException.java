package io.skillform.delivery;

import jakarta.ejb.ApplicationException;

/** A delivery request refused for a reason the person asking can read; nothing was changed. */
@ApplicationException(rollback = true)
public class DeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    /** The file was the buyer's, but the purchase was refunded or disputed: gone for good, not missing. */
    public static final class Revoked extends DeliveryException {

        private static final long serialVersionUID = 1L;

        public Revoked(String message) {
            super(message);
        }
    }

    /** The purchase's downloads of a file are spent: no link would work until the creator allows more. */
    public static final class UsedUp extends DeliveryException {

        private static final long serialVersionUID = 1L;

        public UsedUp(String message) {
            super(message);
        }
    }

    /** A one-time link that was real, but is used already or has expired: the buyer asks for a new one. */
    public static final class Spent extends DeliveryException {

        private static final long serialVersionUID = 1L;

        public Spent(String message) {
            super(message);
        }
    }
}
