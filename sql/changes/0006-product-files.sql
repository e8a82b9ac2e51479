--liquibase formatted sql

--changeset skillform:0006-product-offer
-- price_minor is the price, or for PAY_WHAT_YOU_WANT the minimum a buyer may pay (0 = "free or pay what you want").
-- description_html is the sanitised rendering of the Markdown description, made when it is saved so pages never
-- render Markdown per request; NULL only on rows older than this change (rendered on read).
ALTER TABLE product
    ADD COLUMN pricing             VARCHAR(24)  NOT NULL DEFAULT 'FIXED' AFTER price_currency,
    ADD COLUMN description_html    MEDIUMTEXT   NULL AFTER description,
    ADD COLUMN cover_key           VARCHAR(60)  NULL,
    ADD COLUMN download_limit      INT          NOT NULL DEFAULT 5,
    ADD COLUMN link_lifetime_hours INT          NOT NULL DEFAULT 72,
    ADD CONSTRAINT ck_product_pricing CHECK (pricing IN ('FIXED', 'PAY_WHAT_YOU_WANT')),
    ADD CONSTRAINT ck_product_download_limit CHECK (download_limit BETWEEN 1 AND 100),
    ADD CONSTRAINT ck_product_link_lifetime CHECK (link_lifetime_hours BETWEEN 1 AND 720);
--rollback ALTER TABLE product DROP CONSTRAINT ck_product_link_lifetime, DROP CONSTRAINT ck_product_download_limit, DROP CONSTRAINT ck_product_pricing, DROP COLUMN link_lifetime_hours, DROP COLUMN download_limit, DROP COLUMN cover_key, DROP COLUMN description_html, DROP COLUMN pricing;

--changeset skillform:0006-product-search
-- Storefront search: MATCH ... AGAINST in boolean mode over what buyers read.
CREATE FULLTEXT INDEX ft_product_text ON product (title, description);
--rollback DROP INDEX ft_product_text ON product;

--changeset skillform:0006-product-file
-- A file a buyer gets. Bytes live in the blob store under storage_key (generated, never the uploaded name);
-- file_name is the sanitised original name, used only for the download. A removed file keeps its row and bytes:
-- buyers who paid before removed_at keep it (see Product#filesFor).
CREATE TABLE product_file (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id   BIGINT       NOT NULL,
    storage_key  VARCHAR(60)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(127) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    added_at     DATETIME(6)  NOT NULL,
    removed_at   DATETIME(6)  NULL,
    CONSTRAINT fk_product_file_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT uq_product_file_key UNIQUE (storage_key),
    CONSTRAINT ck_product_file_size CHECK (size_bytes >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_product_file_product ON product_file (product_id, added_at);
--rollback DROP TABLE product_file;
