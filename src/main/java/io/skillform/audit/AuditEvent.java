package io.skillform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An appended audit entry. Immutable: built whole, no setters, never updated or deleted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id", nullable = false, unique = true, updatable = false, length = 36)
    private String entryId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(nullable = false, updatable = false, length = 128)
    private String subject;

    @Column(nullable = false, updatable = false, length = 128)
    private String actor;

    @Column(nullable = false, updatable = false, length = 2000)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(AuditEntry entry) {
        this.entryId = entry.id().toString();
        this.occurredAt = entry.occurredAt();
        this.action = entry.action();
        this.subject = entry.subject();
        this.actor = entry.actor();
        this.detail = entry.detail().length() > 2000 ? entry.detail().substring(0, 2000) : entry.detail();
    }

    public String entryId() {
        return entryId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
