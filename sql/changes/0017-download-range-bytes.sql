--liquibase formatted sql

--changeset skillform:0017-download-range-bytes
-- The bytes each download request asked for: free resumes are bounded by what they served (two files' worth per
-- claimed use), not only by who asks and when. Older rows stay null and count as nothing.
ALTER TABLE download_event ADD COLUMN range_bytes BIGINT NULL;
--rollback ALTER TABLE download_event DROP COLUMN range_bytes;
