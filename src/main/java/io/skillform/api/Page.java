package io.skillform.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/**
 * Every list of the API is one page: {@code {"data":[…],"next":cursor-or-null}}, at most {@value #MAX_LIMIT} items.
 * Queries fetch {@code limit + 1} rows, so whether a next page exists is known without counting.
 */
final class Page {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private Page() {
    }

    /** The {@code limit} query parameter: 1–100, 20 when absent. */
    static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ApiException(Problem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }

    /**
     * @param rows up to {@code limit + 1} rows in the list's order
     * @param cursor where a page ending at that row ends
     */
    static <T> JsonObject of(List<T> rows, int limit, Function<T, ? extends JsonValue> item, Function<T, String> cursor) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.stream().limit(limit).map(item).forEach(data::add);
        JsonObjectBuilder page = Json.createObjectBuilder().add("data", data);
        if (rows.size() > limit) {
            page.add("next", cursor.apply(rows.get(limit - 1)));
        } else {
            page.addNull("next");
        }
        return page.build();
    }
}
