package io.skillform.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Maps {@link Instant} to a SQL timestamp. Persistence 3.1 (WildFly 39) has no native Instant mapping, and
 * an Instant is what the domain means: a point in time, independent of any server's zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A DATETIME read by a native query, in whichever type the driver returns it, read back as it was written. */
    public static Instant fromColumn(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : Timestamp.valueOf((LocalDateTime) value).toInstant();
    }
}
