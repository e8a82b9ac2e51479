--liquibase formatted sql

--changeset skillform:0015-buyer-email-bytes
-- Buyers' addresses compared byte for byte, as download grants and library links already are (0011): they are stored
-- lower-cased, and the default collation took "josé@…" for "jose@…" — one customer in a creator's list, and a free
-- product refused to one because it was just sent to the other.
ALTER TABLE customer_order MODIFY buyer_email VARCHAR(254) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE account_link MODIFY email VARCHAR(254) COLLATE utf8mb4_bin NOT NULL;
--rollback ALTER TABLE customer_order MODIFY buyer_email VARCHAR(254) COLLATE utf8mb4_unicode_ci NOT NULL; ALTER TABLE account_link MODIFY email VARCHAR(254) COLLATE utf8mb4_unicode_ci NOT NULL;
