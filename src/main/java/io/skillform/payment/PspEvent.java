package io.skillform.payment;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A PSP event in Stripe's shape ({"id", "type", "created", "data": {"object": …}}), which the dev gateway speaks
 * too. Parsing checks the shape only; what the event means is {@link PaymentFact}'s business.
 */
public record PspEvent(String id, String type, Instant created, JsonObject object) {

    /** The longest event id and type we store (the columns' widths). */
    private static final int MAX_ID = 120;
    private static final int MAX_TYPE = 80;
    /** One factory for all parsing: Json.createReader looks the provider up anew on every call (measured ~10 % CPU). */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** @throws IllegalArgumentException with a reason, for anything that is not such an event */
    public static PspEvent parse(String raw) {
        JsonObject event;
        try {
            JsonValue value = READERS.createReader(new StringReader(raw)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("The body is not a JSON object");
            }
            event = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("The body is not valid JSON");
        } catch (JsonException e) {
            throw new IllegalArgumentException("The body could not be read as JSON");
        }
        String id = text(event, "id").filter(s -> !s.isBlank() && s.length() <= MAX_ID)
                .orElseThrow(() -> new IllegalArgumentException("The event has no valid \"id\""));
        String type = text(event, "type").filter(s -> !s.isBlank() && s.length() <= MAX_TYPE)
                .orElseThrow(() -> new IllegalArgumentException("The event has no valid \"type\""));
        JsonValue created = event.get("created");
        if (!(created instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException("The event has no valid \"created\" time");
        }
        JsonValue data = event.get("data");
        if (!(data instanceof JsonObject dataObject) || !(dataObject.get("object") instanceof JsonObject object)) {
            throw new IllegalArgumentException("The event has no \"data.object\"");
        }
        return new PspEvent(id, type, Instant.ofEpochSecond(number.longValue()), object);
    }

    static Optional<String> text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
