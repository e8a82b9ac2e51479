package io.skillform.payment;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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
    /** Unix seconds of 9999-12-31T23:59:59Z, the last time a database timestamp holds. */
    private static final long LATEST_CREATED = 253_402_300_799L;

    /** @throws MalformedEvent with a reason, for anything that is not such an event */
    public static PspEvent parse(String raw) {
        JsonValue value;
        try {
            value = READERS.createReader(new StringReader(raw)).readValue();
        } catch (JsonParsingException e) {
            throw new MalformedEvent("The body is not valid JSON");
        } catch (RuntimeException e) {
            // Not only JsonException: the parser refuses deep nesting (over 1,000 levels) with a plain RuntimeException.
            throw new MalformedEvent("The body could not be read as JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEvent("The body is not a JSON object");
        }
        JsonObject event = value.asJsonObject();
        String id = text(event, "id").filter(s -> !s.isBlank() && s.length() <= MAX_ID)
                .orElseThrow(() -> new MalformedEvent("The event has no valid \"id\""));
        String type = text(event, "type").filter(s -> !s.isBlank() && s.length() <= MAX_TYPE)
                .orElseThrow(() -> new MalformedEvent("The event has no valid \"type\""));
        long created = whole(event.get("created"), 0, LATEST_CREATED)
                .orElseThrow(() -> new MalformedEvent("The event has no valid \"created\" time"));
        JsonValue data = event.get("data");
        if (!(data instanceof JsonObject dataObject) || !(dataObject.get("object") instanceof JsonObject object)) {
            throw new MalformedEvent("The event has no \"data.object\"");
        }
        return new PspEvent(id, type, Instant.ofEpochSecond(created), object);
    }

    /**
     * A whole number from {@code min} to {@code max}, compared exactly: digits beyond a long's range are no number a
     * PSP sends, not one to round or to overflow on.
     */
    static OptionalLong whole(JsonValue value, long min, long max) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            BigDecimal exact = number.bigDecimalValue();
            if (exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return OptionalLong.of(exact.longValueExact());
            }
        }
        return OptionalLong.empty();
    }

    static Optional<String> text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
