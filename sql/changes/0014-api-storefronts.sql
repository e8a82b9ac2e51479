--liquibase formatted sql

--changeset skillform:0014-store-allowed-origins
-- Web origins (https://shop.example.com) whose pages may call the public API from a browser (CORS), space-separated;
-- set by the creator in the dashboard. Empty: no browser origin but SkillForm's own.
ALTER TABLE store ADD COLUMN api_allowed_origins VARCHAR(1000) NOT NULL DEFAULT '';
--rollback ALTER TABLE store DROP COLUMN api_allowed_origins;

--changeset skillform:0014-library-sessions
-- A library link asked for through a creator's own storefront names that store: the link opens the creator's page,
-- and the library it opens shows only that store's purchases.
ALTER TABLE library_link ADD COLUMN store_id BIGINT NULL;
-- A spent library link exchanged for an API token (sfl_…): the bearer reads that address's library (only the store's,
-- when the link named one) until it expires. Only the token's SHA-256 is stored.
CREATE TABLE library_session (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash CHAR(64)     NOT NULL,
    email      VARCHAR(254) NOT NULL COLLATE utf8mb4_bin,
    store_id   BIGINT       NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_library_session_token UNIQUE (token_hash),
    CONSTRAINT fk_library_session_store FOREIGN KEY (store_id) REFERENCES store (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
--rollback DROP TABLE library_session; ALTER TABLE library_link DROP COLUMN store_id;

--changeset skillform:0014-customer-index
-- The API's customer list walks a store's paid buyers by address.
CREATE INDEX ix_order_store_buyer ON customer_order (store_id, buyer_email, paid_at);
--rollback DROP INDEX ix_order_store_buyer ON customer_order;
