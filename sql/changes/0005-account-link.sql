--liquibase formatted sql

--changeset skillform:0005-account-link
-- Single-use, expiring links mailed to an account: confirm the e-mail address, confirm a new address,
-- or set a new password. email is the address the link was sent to.
-- Only the SHA-256 of the link's token is stored.
CREATE TABLE account_link (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    purpose    VARCHAR(20)  NOT NULL,
    email      VARCHAR(254) NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    CONSTRAINT uq_account_link_token UNIQUE (token_hash),
    CONSTRAINT fk_account_link_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_link_purpose CHECK (purpose IN ('VERIFY_EMAIL', 'CHANGE_EMAIL', 'RESET_PASSWORD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_account_link_account ON account_link (account_id, purpose);
--rollback DROP TABLE account_link;
