package io.skillform.identity;

import jakarta.ejb.ApplicationException;

/** A request about accounts or tokens was refused; the message is for the user and the transaction rolls back. */
@ApplicationException(rollback = true)
public class IdentityException extends RuntimeException {

    public IdentityException(String message) {
        super(message);
    }
}
