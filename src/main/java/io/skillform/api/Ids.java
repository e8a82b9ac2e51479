package io.skillform.api;

import java.util.Optional;

/** Numeric ids in paths: anything else can name nothing, so callers answer 404 for it. */
final class Ids {

    private Ids() {
    }

    static Optional<Long> parse(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
