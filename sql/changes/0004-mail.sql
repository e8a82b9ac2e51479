--liquibase formatted sql

--changeset skillform:0004-outbound-mail
-- The mail outbox: a row is written in the same transaction as the change that causes the mail, and its id
-- is put on the skillform.mail queue; the consumer sends it and marks it sent.
CREATE TABLE outbound_mail (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id  VARCHAR(120)  NOT NULL,
    recipient   VARCHAR(254)  NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    body_text   MEDIUMTEXT    NOT NULL,
    body_html   MEDIUMTEXT    NULL,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000) NULL,
    created_at  DATETIME(6)   NOT NULL,
    sent_at     DATETIME(6)   NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_outbound_mail_message_id UNIQUE (message_id),
    CONSTRAINT ck_outbound_mail_status CHECK (status IN ('PENDING', 'SENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_outbound_mail_status ON outbound_mail (status, created_at);
--rollback DROP TABLE outbound_mail;
