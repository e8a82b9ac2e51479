package io.skillform.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox: pending until the consumer has handed it to the SMTP server. */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    public enum Status { PENDING, SENT }

    static final String REDACTED = "[link removed after sending]";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true, updatable = false, length = 120)
    private String messageId;

    @Column(nullable = false, updatable = false, length = 254)
    private String recipient;

    @Column(nullable = false, updatable = false, length = 200)
    private String subject;

    @Lob
    @Column(name = "body_text", nullable = false)
    private String text;

    @Lob
    @Column(name = "body_html")
    private String html;

    /** The message's secrets, one per line, until it is sent (see {@link MailMessage#secrets()}). */
    @Lob
    @Column(name = "secrets")
    private String secrets;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboundMail() {
        // for JPA
    }

    OutboundMail(MailMessage message, String domain, Instant createdAt) {
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.recipient = message.to().value();
        this.subject = message.subject();
        this.text = message.text();
        this.html = message.html();
        this.secrets = message.secrets().isEmpty() ? null : String.join("\n", message.secrets());
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    /** Sent: the copy kept here no longer holds working links. */
    void markSent(Instant now) {
        if (secrets != null) {
            for (String secret : secrets.split("\n")) {
                text = text.replace(secret, REDACTED);
                html = html == null ? null : html.replace(secret, REDACTED);
            }
            secrets = null;
        }
        status = Status.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    void recordFailure(String error) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
    }

    public boolean isSent() {
        return status == Status.SENT;
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String lastError() {
        return lastError;
    }
}
