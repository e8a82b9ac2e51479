package io.skillform.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a visitor typed, as a MariaDB/MySQL boolean full-text query in which every word must match as a prefix
 * ("water pai" finds "Watercolor painting"). Operators typed by the visitor are dropped, never interpreted; words
 * shorter than the index's minimum token size (3) cannot match and are left out.
 */
public record SearchQuery(String text, String booleanMode) {

    private static final int MIN_WORD = 3;
    private static final int MAX_WORDS = 8;

    public static Optional<SearchQuery> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String booleanMode = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= MIN_WORD)
                .distinct()
                .limit(MAX_WORDS)
                .map(word -> "+" + word + "*")
                .collect(Collectors.joining(" "));
        return booleanMode.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery(text, booleanMode));
    }
}
