package io.skillform.identity;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request about accounts or tokens was refused; the message is for the user and the transaction rolls back.
 * A form's refusal names its fields ({@link #problems()}: field → what is wrong), so a page marks each field
 * at once instead of one error per try.
 */
@ApplicationException(rollback = true)
public class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> problems;

    public IdentityException(String message) {
        super(message);
        this.problems = new LinkedHashMap<>();
    }

    IdentityException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = new LinkedHashMap<>(problems);
    }

    /** Field name → problem, in the form's order; empty when the refusal is not about one field. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}
