package io.skillform.payment;

/**
 * The PSP did not do what was asked: unreachable, an error on its side, or a refusal. The message is for logs;
 * pages show their own wording, because a buyer should not read a PSP's internals.
 */
public class GatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

    public GatewayException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    /** True when the PSP answered with a definite "no" (a 4xx); false when the outcome is unknown. */
    public boolean isRefused() {
        return refused;
    }
}
