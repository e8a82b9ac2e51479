--liquibase formatted sql

--changeset skillform:0019-store-suspension
-- A store whose owner's account is disabled stops selling: its products leave the storefront, the API and checkout
-- until the account is enabled again. Stores of accounts disabled before this change are suspended now.
ALTER TABLE store ADD COLUMN suspended_at DATETIME(6) NULL;
UPDATE store s JOIN account a ON a.id = s.owner_id SET s.suspended_at = UTC_TIMESTAMP(6) WHERE a.status = 'DISABLED';
--rollback ALTER TABLE store DROP COLUMN suspended_at;
