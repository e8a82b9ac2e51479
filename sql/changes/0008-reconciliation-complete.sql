--liquibase formatted sql

--changeset skillform:0008-reconciliation-events-complete
-- Whether a pass read every PSP's event list to the end: the next pass starts from the last such pass, so a pass
-- that could not reach a PSP leaves its gap to be read again.
ALTER TABLE reconciliation_run ADD COLUMN events_complete BOOLEAN NOT NULL DEFAULT FALSE;
--rollback ALTER TABLE reconciliation_run DROP COLUMN events_complete;
