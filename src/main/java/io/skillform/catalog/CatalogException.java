package io.skillform.catalog;

import jakarta.ejb.ApplicationException;

/** A catalog rule was broken by the caller's input; the transaction rolls back and the message is for the user. */
@ApplicationException(rollback = true)
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    /**
     * The product (or its file) is missing or someone else's: one answer for both, so a product's existence is not
     * revealed.
     */
    public static final class NotFound extends CatalogException {

        public NotFound() {
            this("No such product");
        }

        public NotFound(String message) {
            super(message);
        }
    }

    /** The product changed since the caller read it. */
    public static final class Stale extends CatalogException {

        public Stale() {
            super("The product changed since you read it");
        }
    }
}
