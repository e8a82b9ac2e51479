--liquibase formatted sql

--changeset skillform:0005-email-verification
-- Single-use links that prove an account owns its e-mail address. Only the SHA-256 of the token is stored.
CREATE TABLE email_verification (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    email      VARCHAR(254) NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    CONSTRAINT uq_email_verification_token UNIQUE (token_hash),
    CONSTRAINT fk_email_verification_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE email_verification;
