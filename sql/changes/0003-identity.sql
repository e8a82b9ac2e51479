--liquibase formatted sql

--changeset skillform:0003-account
CREATE TABLE account (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- Binary: addresses are normalised (trimmed, lower-cased) by the application; the unicode collation would
    -- treat "ádmin@" and "admin@" as one address.
    email             VARCHAR(254) COLLATE utf8mb4_bin NOT NULL,
    -- Shiro 2 crypt format: $shiro2$argon2id$v=19$t=2,m=19456,p=1$salt$hash
    password_hash     VARCHAR(255) NULL,
    display_name      VARCHAR(80)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    email_verified_at DATETIME(6)  NULL,
    -- Raised at every password change: sessions opened with an older value end (io.skillform.identity.ActiveAccountFilter).
    credentials_version INT        NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT ck_account_status CHECK (status IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_role CHECK (role IN ('CUSTOMER', 'CREATOR', 'ADMIN'))
) ENGINE = InnoDB;
--rollback DROP TABLE account_role; DROP TABLE account;

--changeset skillform:0003-store-owner
-- A store belongs to the creator who opened it; stores from before accounts existed have none.
ALTER TABLE store ADD COLUMN owner_id BIGINT NULL,
    ADD CONSTRAINT fk_store_owner FOREIGN KEY (owner_id) REFERENCES account (id);
--rollback ALTER TABLE store DROP FOREIGN KEY fk_store_owner, DROP COLUMN owner_id;

--changeset skillform:0003-api-token
CREATE TABLE api_token (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    name         VARCHAR(60) NOT NULL,
    -- SHA-256 of the token, hex: the token itself is shown once and never stored.
    token_hash   CHAR(64)    NOT NULL,
    hint         VARCHAR(12) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    revoked_at   DATETIME(6) NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_api_token_account ON api_token (account_id, created_at);
--rollback DROP TABLE api_token;

--changeset skillform:0003-login-throttle
-- Failed log-ins per key ("account:<email>" or "address:<ip>"), shared by every node of a cluster.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(300) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    locked_until    DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
--rollback DROP TABLE login_throttle;
