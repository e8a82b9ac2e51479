--liquibase formatted sql

--changeset skillform:0018-file-name-repair
-- A name cut inside a surrogate pair (an emoji at the 200th character) was stored with '?' for the lone half, which
-- the file name rules refuse on every read. No sanitised name holds '?' (it becomes '_'), so any '?' is that damage.
UPDATE product_file SET file_name = REPLACE(file_name, '?', '_') WHERE file_name LIKE '%?%';
--rollback SELECT 1;
