--liquibase formatted sql

--changeset skillform:0020-download-allowance
-- A purchase's downloads belong to its grant, shared by all the grant's links: until now each link (receipt, library,
-- API, a renewal, a copy of the receipt) came with the whole count, so asking for 25 links gave 25 times the downloads.
-- downloads_used counts what every link of the grant took (claimed with a conditional UPDATE, like the links' uses
-- were); extra_downloads is what the creator allowed one buyer on top of the policy sold (download_limit). A grant
-- starts with what its links used so far, up to its allowance.
ALTER TABLE download_grant
    ADD COLUMN downloads_used INT NOT NULL DEFAULT 0,
    ADD COLUMN extra_downloads INT NOT NULL DEFAULT 0;
UPDATE download_grant g
SET g.downloads_used = LEAST(g.download_limit,
                             (SELECT COALESCE(SUM(l.downloads_used), 0) FROM download_link l WHERE l.grant_id = g.id));
ALTER TABLE download_grant ADD CONSTRAINT ck_download_grant_uses
    CHECK (extra_downloads BETWEEN 0 AND 1000000 AND downloads_used BETWEEN 0 AND download_limit + extra_downloads);
-- A link keeps only its lifetime: its count is the grant's.
ALTER TABLE download_link DROP CONSTRAINT ck_download_link_uses;
ALTER TABLE download_link DROP COLUMN download_limit, DROP COLUMN downloads_used;
--rollback ALTER TABLE download_link ADD COLUMN download_limit INT NOT NULL DEFAULT 5, ADD COLUMN downloads_used INT NOT NULL DEFAULT 0;
--rollback ALTER TABLE download_grant DROP CONSTRAINT ck_download_grant_uses;
--rollback ALTER TABLE download_grant DROP COLUMN downloads_used, DROP COLUMN extra_downloads;
