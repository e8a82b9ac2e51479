--liquibase formatted sql

--changeset skillform:0011-download-grant
-- What a paid order entitles its buyer to: one row per file of each item, written in the transaction that marks
-- the order paid. The product's download policy is copied: the buyer keeps what they were sold even if the creator
-- changes it later. revoked_at is set while the order is refunded or disputed (cleared again if a dispute is won).
-- buyer_account_id is the account that bought, or the one that later verified the buyer's e-mail address.
CREATE TABLE download_grant (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id            BIGINT       NOT NULL,
    store_id            BIGINT       NOT NULL,
    product_id          BIGINT       NOT NULL,
    product_file_id     BIGINT       NOT NULL,
    buyer_email         VARCHAR(254) NOT NULL,
    buyer_account_id    BIGINT       NULL,
    download_limit      INT          NOT NULL,
    link_lifetime_hours INT          NOT NULL,
    granted_at          DATETIME(6)  NOT NULL,
    revoked_at          DATETIME(6)  NULL,
    revoked_reason      VARCHAR(200) NULL,
    CONSTRAINT fk_download_grant_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_download_grant_file FOREIGN KEY (product_file_id) REFERENCES product_file (id),
    CONSTRAINT uq_download_grant UNIQUE (order_id, product_file_id),
    CONSTRAINT ck_download_grant_policy CHECK (download_limit BETWEEN 1 AND 100 AND link_lifetime_hours BETWEEN 1 AND 720)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_download_grant_account ON download_grant (buyer_account_id, granted_at);
CREATE INDEX ix_download_grant_email ON download_grant (buyer_email, granted_at);
--rollback DROP TABLE download_grant;

--changeset skillform:0011-download-link
-- A link to one grant's file: only the SHA-256 of its 256-bit token is kept. Each download claims one use with a
-- conditional UPDATE (downloads_used < download_limit AND expires_at > now), so parallel clicks cannot exceed it.
CREATE TABLE download_link (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    grant_id       BIGINT      NOT NULL,
    token_hash     CHAR(64)    NOT NULL,
    issued_for     VARCHAR(16) NOT NULL,
    issued_at      DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    download_limit INT         NOT NULL,
    downloads_used INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_download_link_grant FOREIGN KEY (grant_id) REFERENCES download_grant (id),
    CONSTRAINT uq_download_link_token UNIQUE (token_hash),
    CONSTRAINT ck_download_link_uses CHECK (downloads_used BETWEEN 0 AND download_limit),
    CONSTRAINT ck_download_link_issued_for CHECK (issued_for IN ('RECEIPT', 'LIBRARY', 'RENEWAL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_download_link_grant ON download_link (grant_id, issued_at);
--rollback DROP TABLE download_link;

--changeset skillform:0011-download-event
-- Every request a link served: counted (a download from the first byte) or a resumed range of one.
CREATE TABLE download_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    link_id        BIGINT       NOT NULL,
    grant_id       BIGINT       NOT NULL,
    order_id       BIGINT       NOT NULL,
    store_id       BIGINT       NOT NULL,
    downloaded_at  DATETIME(6)  NOT NULL,
    remote_address VARCHAR(45)  NOT NULL,
    user_agent     VARCHAR(300) NULL,
    range_start    BIGINT       NULL,
    counted        BOOLEAN      NOT NULL,
    CONSTRAINT fk_download_event_link FOREIGN KEY (link_id) REFERENCES download_link (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_download_event_order ON download_event (order_id, downloaded_at);
--rollback DROP TABLE download_event;

--changeset skillform:0011-order-receipt
-- One row per order whose receipt was recorded for sending: its primary key is what makes "exactly one receipt per
-- order" hold however often the payment is reported. Asked-for copies count in resent.
CREATE TABLE order_receipt (
    order_id     BIGINT      NOT NULL PRIMARY KEY,
    first_mail   BIGINT      NOT NULL,
    resent       INT         NOT NULL DEFAULT 0,
    last_sent_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_order_receipt_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE order_receipt;

--changeset skillform:0011-library-link
-- A one-time "magic link" that opens a guest's library (the purchases made with that e-mail) without a password.
CREATE TABLE library_link (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    CONSTRAINT uq_library_link_token UNIQUE (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_library_link_email ON library_link (email, created_at);
--rollback DROP TABLE library_link;

--changeset skillform:0011-download-policy-default
-- Links live 24 hours unless the creator chooses otherwise (was 72).
ALTER TABLE product ALTER COLUMN link_lifetime_hours SET DEFAULT 24;
--rollback ALTER TABLE product ALTER COLUMN link_lifetime_hours SET DEFAULT 72;

--changeset skillform:0011-outbound-mail-secrets
-- The links in a pending mail that work as keys (download, library, verification, password reset), one per line:
-- blanked out of the stored copy once the mail is sent, so the outbox does not keep working links.
ALTER TABLE outbound_mail ADD COLUMN secrets MEDIUMTEXT NULL;
--rollback ALTER TABLE outbound_mail DROP COLUMN secrets;

--changeset skillform:0011-backfill-grants
-- Orders paid before delivery existed: their buyers get grants like any later buyer (the files they are entitled to
-- at the time they paid, the product's current policy), found in their library; no receipt is sent for them.
INSERT INTO download_grant (order_id, store_id, product_id, product_file_id, buyer_email, buyer_account_id, download_limit,
                            link_lifetime_hours, granted_at)
SELECT o.id, o.store_id, i.product_id, f.id, o.buyer_email, o.buyer_account_id, p.download_limit, p.link_lifetime_hours,
       o.paid_at
FROM customer_order o
JOIN order_item i ON i.order_id = o.id
JOIN product p ON p.id = i.product_id
JOIN product_file f ON f.product_id = p.id AND (f.removed_at IS NULL OR f.removed_at > o.paid_at)
WHERE o.status IN ('PAID', 'PARTIALLY_REFUNDED') AND o.paid_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM download_grant g WHERE g.order_id = o.id);

--changeset skillform:0011-delivery-hardening
-- Addresses compared byte for byte (they are stored lower-cased): the default collation would take "gmáil.com" for
-- "gmail.com" and join one buyer's purchases to another's account.
ALTER TABLE download_grant MODIFY buyer_email VARCHAR(254) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE library_link MODIFY email VARCHAR(254) COLLATE utf8mb4_bin NOT NULL;
-- A file added to a product finds the orders that hold its other files through this index, not a table scan.
CREATE INDEX ix_download_grant_product ON download_grant (product_id, order_id);
-- Orders paid before receipts existed count as receipted (without a mail), so a later report of their payment does not
-- send a first receipt months late; their buyers can ask for one.
ALTER TABLE order_receipt MODIFY first_mail BIGINT NULL;
INSERT INTO order_receipt (order_id, first_mail, resent, last_sent_at)
SELECT DISTINCT g.order_id, NULL, 0, o.paid_at
FROM download_grant g JOIN customer_order o ON o.id = g.order_id
WHERE NOT EXISTS (SELECT 1 FROM order_receipt r WHERE r.order_id = g.order_id);
--rollback DROP INDEX ix_download_grant_product ON download_grant;
