package io.skillform.api;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request's JSON object, read field by field: a field of the wrong type is a 400 naming the field, before anything
 * changes. Absent and {@code null} are the same (the field is not given).
 */
final class JsonBody {

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** @param shape what a valid body looks like, for the message when it is not JSON at all */
    static JsonBody parse(String body, String shape) {
        try {
            return new JsonBody(Json.createReader(new StringReader(body == null ? "" : body)).readObject());
        } catch (RuntimeException notJson) {
            // Not only JsonException: the parser refuses deep nesting with a plain RuntimeException.
            throw new ApiException(Problem.invalid("body", "must be a JSON object: " + shape));
        }
    }

    boolean has(String field) {
        JsonValue value = json.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    Optional<String> text(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (json.get(field) instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw new ApiException(Problem.invalid(field, "must be a string"));
    }

    /** Whether the field is in the body at all, null included: {@code "drip_days": null} clears it. */
    boolean present(String field) {
        return json.containsKey(field);
    }

    Optional<JsonObject> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (json.get(field) instanceof JsonObject object) {
            return Optional.of(object);
        }
        throw new ApiException(Problem.invalid(field, "must be a JSON object"));
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw new ApiException(Problem.invalid(field, "must be true or false"));
    }

    /** A whole number from {@code min} to {@code max}. */
    Optional<Long> number(String field, long min, long max, String meaning) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (json.get(field) instanceof JsonNumber number && number.isIntegral()) {
            try {
                long value = number.longValueExact();
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (ArithmeticException tooLarge) {
                // refused below
            }
        }
        throw new ApiException(Problem.invalid(field, meaning));
    }

    /** One of an enum's constants, written in lower case as the API shows them. */
    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return text(field).flatMap(name -> Enums.parse(field, name, type));
    }

    /** The field's value checked by a domain rule, whose refusal (an IllegalArgumentException) names this field. */
    <T> Optional<T> valid(String field, Optional<String> raw, Function<String, T> rule) {
        try {
            return raw.map(rule);
        } catch (IllegalArgumentException refused) {
            throw new ApiException(Problem.invalid(field, refused.getMessage()));
        }
    }
}
