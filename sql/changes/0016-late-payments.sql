--liquibase formatted sql

--changeset skillform:0016-late-payments
-- A payment the PSP took after the order had expired here: the order stays expired and flagged until an admin accepts
-- it (paid, delivered, posted). Orders flagged so before this column existed are found by their flag.
ALTER TABLE customer_order ADD COLUMN paid_after_expiry_at DATETIME(6) NULL;
UPDATE customer_order SET paid_after_expiry_at = updated_at
WHERE status = 'EXPIRED' AND flag_reason LIKE 'Paid at the PSP after the order had expired here%';
--rollback ALTER TABLE customer_order DROP COLUMN paid_after_expiry_at;
