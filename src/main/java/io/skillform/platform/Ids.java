package io.skillform.platform;

import java.util.Optional;

/**
 * Numeric ids in paths and query parameters: anything else (a word, a sign, more digits than a long holds) can name
 * nothing, so callers answer 404 for it, as for an id that names nothing.
 */
public final class Ids {

    private Ids() {
    }

    public static Optional<Long> parse(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
