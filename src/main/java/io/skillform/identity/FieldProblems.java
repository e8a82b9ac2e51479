package io.skillform.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Checks every field of a form before refusing it, so the person filling it in learns everything at once. */
final class FieldProblems {

    private final Map<String, String> problems = new LinkedHashMap<>();

    /** The parsed value, or empty with the field's problem noted (a nested form's problems keep their names). */
    <T> Optional<T> check(String field, Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (IdentityException e) {
            if (e.problems().isEmpty()) {
                problems.putIfAbsent(field, e.getMessage());
            } else {
                e.problems().forEach(problems::putIfAbsent);
            }
            return Optional.empty();
        }
    }

    void require(String field, Runnable validation) {
        check(field, () -> {
            validation.run();
            return Boolean.TRUE;
        });
    }

    /** @throws IdentityException naming every field found wrong */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IdentityException(problems);
        }
    }
}
