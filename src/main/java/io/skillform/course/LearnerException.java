package io.skillform.course;

import jakarta.ejb.ApplicationException;

/** A learner asked for what the course does not give them now; the message says why. Nothing changed. */
@ApplicationException(rollback = true)
public class LearnerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the API answers 403 for the first two, 404 for the last. */
    public enum Reason {
        NOT_ENROLLED, LOCKED, NOT_FOUND
    }

    private final Reason reason;

    public LearnerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
