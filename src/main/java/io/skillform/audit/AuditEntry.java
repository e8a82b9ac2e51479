package io.skillform.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact for the audit trail, carried over JMS as small versioned JSON (never a serialized Java object).
 *
 * @param id       unique per entry; makes appending idempotent when a message is delivered twice
 * @param action   what happened, e.g. {@code store.opened}
 * @param subject  what it happened to, e.g. {@code store:12}
 * @param actor    who did it, e.g. {@code user:3} or {@code system}
 */
public record AuditEntry(UUID id, Instant occurredAt, String action, String subject, String actor, String detail) {

    static final int VERSION = 1;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(action, "action", 64);
        requireText(subject, "subject", 128);
        requireText(actor, "actor", 128);
        detail = detail == null ? "" : detail;
    }

    public static AuditEntry of(String action, String subject, String actor, String detail) {
        return new AuditEntry(UUID.randomUUID(), Instant.now(), action, subject, actor, detail);
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1–" + max + " characters");
        }
    }

    String toJson() {
        return Json.createObjectBuilder()
                .add("v", VERSION)
                .add("id", id.toString())
                .add("occurredAt", occurredAt.toString())
                .add("action", action)
                .add("subject", subject)
                .add("actor", actor)
                .add("detail", detail)
                .build().toString();
    }

    static AuditEntry fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            if (o.getInt("v") != VERSION) {
                throw new IllegalArgumentException("Unsupported audit message version " + o.getInt("v"));
            }
            return new AuditEntry(UUID.fromString(o.getString("id")), Instant.parse(o.getString("occurredAt")),
                    o.getString("action"), o.getString("subject"), o.getString("actor"), o.getString("detail", ""));
        }
    }
}
