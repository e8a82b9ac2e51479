--liquibase formatted sql

--changeset skillform:0001-store
CREATE TABLE store (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handle           VARCHAR(30)  NOT NULL,
    display_name     VARCHAR(80)  NOT NULL,
    default_currency CHAR(3)      NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_store_handle UNIQUE (handle)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE store;

--changeset skillform:0001-product
CREATE TABLE product (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    store_id       BIGINT       NOT NULL,
    slug           VARCHAR(80)  NOT NULL,
    title          VARCHAR(140) NOT NULL,
    description    MEDIUMTEXT   NOT NULL,
    price_minor    BIGINT       NOT NULL,
    price_currency CHAR(3)      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    published_at   DATETIME(6)  NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_product_store FOREIGN KEY (store_id) REFERENCES store (id),
    CONSTRAINT uq_product_store_slug UNIQUE (store_id, slug),
    CONSTRAINT ck_product_price CHECK (price_minor >= 0),
    CONSTRAINT ck_product_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- The storefront's "latest published" list reads this index in order and stops.
CREATE INDEX ix_product_status_published ON product (status, published_at DESC, id DESC);
--rollback DROP TABLE product;
