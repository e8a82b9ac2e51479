package io.skillform.catalog;

import jakarta.ejb.ApplicationException;

/** A catalog rule was broken by the caller's input; the transaction rolls back and the message is for the user. */
@ApplicationException(rollback = true)
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }
}
