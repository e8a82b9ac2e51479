package io.skillform.checkout;

/** An order was asked to move where its state machine does not allow; nothing was changed. */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
