--liquibase formatted sql

--changeset skillform:0021-job-lease-fence
-- A job's lease is short and renewed by its holder's heartbeat; fence counts every taking, so a node whose lease lapsed
-- and was taken by another holds an old number and can neither renew the lease nor write as its holder.
ALTER TABLE job_lease ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE job_lease DROP COLUMN fence;

--changeset skillform:0021-payment-event-next-attempt
-- When reconciliation may queue an unsettled event again (each time waiting longer): events that keep failing go behind
-- those due sooner. Rows from before are due at once. UNMATCHED: about a payment that no SkillForm order has (another
-- system's on a shared PSP account), settled after a bounded wait — or at once when it names nothing to find one by.
ALTER TABLE payment_event ADD COLUMN next_attempt_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00';
ALTER TABLE payment_event DROP CONSTRAINT ck_payment_event_status;
ALTER TABLE payment_event ADD CONSTRAINT ck_payment_event_status CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'UNMATCHED'));
CREATE INDEX ix_payment_event_due ON payment_event (status, next_attempt_at);
--rollback DROP INDEX ix_payment_event_due ON payment_event; ALTER TABLE payment_event DROP COLUMN next_attempt_at; ALTER TABLE payment_event DROP CONSTRAINT ck_payment_event_status; ALTER TABLE payment_event ADD CONSTRAINT ck_payment_event_status CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED'));

--changeset skillform:0021-idempotency-heartbeat
-- A claimed key names the request that holds it (owner) and when that request last said it is alive (heartbeat_at,
-- renewed while it waits on the PSP): a claim whose request died with its node is free again within seconds.
ALTER TABLE api_idempotency ADD COLUMN owner CHAR(32) NULL, ADD COLUMN heartbeat_at DATETIME(6) NULL;
UPDATE api_idempotency SET heartbeat_at = created_at;
ALTER TABLE api_idempotency MODIFY heartbeat_at DATETIME(6) NOT NULL;
--rollback ALTER TABLE api_idempotency DROP COLUMN heartbeat_at, DROP COLUMN owner;
