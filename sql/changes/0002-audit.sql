--liquibase formatted sql

--changeset skillform:0002-audit-event
-- Append-only: the application never updates or deletes a row here.
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id    CHAR(36)      NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(128)  NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    detail      VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_audit_event_entry UNIQUE (entry_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE audit_event;
