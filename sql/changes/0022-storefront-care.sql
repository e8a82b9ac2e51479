--liquibase formatted sql

--changeset skillform:0022-store-profile
-- What a creator says about the store on its page: a description (Markdown, shown sanitised like descriptions), up to
-- five links to their own places (space-separated), an avatar and a banner (normalised images under covers/), and
-- whether they want a mail for each sale (on unless they turn it off).
ALTER TABLE store ADD COLUMN description TEXT NULL, ADD COLUMN links VARCHAR(1600) NOT NULL DEFAULT '',
    ADD COLUMN avatar_key VARCHAR(100) NULL, ADD COLUMN banner_key VARCHAR(100) NULL,
    ADD COLUMN sale_mails BOOLEAN NOT NULL DEFAULT TRUE;
--rollback ALTER TABLE store DROP COLUMN sale_mails, DROP COLUMN banner_key, DROP COLUMN avatar_key, DROP COLUMN links, DROP COLUMN description;

--changeset skillform:0022-refund-notices
-- How much of the order the buyer has been told was refunded: a notice goes out when the refunded total passes it,
-- once per refund however often the PSP reports it. Orders refunded before notices existed count as told.
ALTER TABLE order_receipt ADD COLUMN refund_noticed_minor BIGINT NOT NULL DEFAULT 0;
UPDATE order_receipt r JOIN customer_order o ON o.id = r.order_id SET r.refund_noticed_minor = o.refunded_minor;
--rollback ALTER TABLE order_receipt DROP COLUMN refund_noticed_minor;

--changeset skillform:0022-product-former-slug
-- A product's earlier addresses keep working (a permanent redirect): buyers and search engines have them. An address
-- belongs to one product of a store at a time; taking it for a new product ends the redirect.
CREATE TABLE product_former_slug (
    store_id    BIGINT      NOT NULL,
    slug        VARCHAR(80) NOT NULL,
    product_id  BIGINT      NOT NULL,
    replaced_at DATETIME(6) NOT NULL,
    PRIMARY KEY (store_id, slug),
    CONSTRAINT fk_former_slug_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_former_slug_store FOREIGN KEY (store_id) REFERENCES store (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE product_former_slug;

--changeset skillform:0022-product-image
-- A product's gallery: images beside the cover, in the creator's order. The bytes are normalised like covers and
-- live under covers/ (served by /covers/<id>, cached forever: a key is never reused).
-- position is JPA's order column, not part of the key: EclipseLink renumbers the rows when one is taken out.
CREATE TABLE product_image (
    product_id  BIGINT       NOT NULL,
    position    INT          NULL,
    storage_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (product_id, storage_key),
    CONSTRAINT fk_product_image_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE product_image;

--changeset skillform:0022-product-file-shared-bytes
-- A duplicated product's files share their bytes with the original's (a file's bytes are never deleted once recorded:
-- past buyers keep them), so one storage key may be recorded for several products.
ALTER TABLE product_file DROP INDEX uq_product_file_key, ADD INDEX ix_product_file_key (storage_key);
--rollback ALTER TABLE product_file DROP INDEX ix_product_file_key, ADD CONSTRAINT uq_product_file_key UNIQUE (storage_key);
