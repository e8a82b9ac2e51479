--liquibase formatted sql

--changeset skillform:0009-order-started-by
-- Who started a pending checkout (a hash of the buyer's account or browser session). Only they get it back on a
-- second click; anyone else who types the same e-mail replaces it instead of being sent to that buyer's payment.
ALTER TABLE customer_order ADD COLUMN started_by CHAR(64) NULL AFTER pending_key;
--rollback ALTER TABLE customer_order DROP COLUMN started_by;
