package io.skillform.payment;

/**
 * A signed body that is not an event SkillForm can read (its shape, or a value no payment can have). Its message is
 * one of ours, written for the PSP's delivery log: the webhook endpoint answers it as it is, while text from a library
 * or the JDK is never passed on.
 */
public final class MalformedEvent extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedEvent(String reason) {
        super(reason);
    }
}
