package io.skillform.webhook;

import jakarta.ejb.ApplicationException;

/** A creator's request about webhooks was refused; the message is for them and the transaction rolls back. */
@ApplicationException(rollback = true)
public class WebhookException extends RuntimeException {

    public WebhookException(String message) {
        super(message);
    }
}
