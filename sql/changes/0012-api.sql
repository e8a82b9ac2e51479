--liquibase formatted sql

--changeset skillform:0012-api-idempotency
-- Requests made with an Idempotency-Key header: the first one's answer is stored and replayed for a retry with the
-- same key and the same body; the same key with another body is refused (422). request_hash is the SHA-256 of the
-- request's canonical form. A row without a status is a request still being answered.
CREATE TABLE api_idempotency (
    idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
    operation       VARCHAR(40)  NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
--rollback DROP TABLE api_idempotency;
