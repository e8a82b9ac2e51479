package io.skillform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** Something that happened in a store, as its webhooks report it; immutable once written. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The {@code webhook-id} header: unique, the same for every attempt, so receivers can drop repeats. */
    @Column(name = "message_id", nullable = false, unique = true, updatable = false, length = 40)
    private String messageId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private WebhookEventType type;

    @Column(name = "ordering_key", nullable = false, updatable = false, length = 80)
    private String orderingKey;

    @Lob
    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEvent() {
        // for JPA
    }

    WebhookEvent(long storeId, WebhookEventType type, String orderingKey, String payload, Instant now) {
        if (orderingKey == null || orderingKey.isBlank() || orderingKey.length() > 80) {
            throw new IllegalArgumentException("An ordering key is 1–80 characters");
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.messageId = "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.storeId = storeId;
        this.type = type;
        this.orderingKey = orderingKey;
        this.payload = payload;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public long storeId() {
        return storeId;
    }

    public WebhookEventType type() {
        return type;
    }

    public String orderingKey() {
        return orderingKey;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
