--liquibase formatted sql

--changeset skillform:0010-ledger
-- The double-entry ledger. Amounts are integer minor units, signed: a debit is positive, a credit negative, so
-- every transaction's postings sum to zero per currency. Accounts belong to a store (a creator's earnings) or to
-- the platform (store_id 0).
CREATE TABLE ledger_account (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    store_id       BIGINT        NOT NULL,
    kind           VARCHAR(24)   NOT NULL,
    currency       CHAR(3)       NOT NULL,
    -- The running balance (debits minus credits) and posting count, changed under this row's lock in the same
    -- transaction as the postings; the trial balance checks both against the postings.
    balance_minor  BIGINT        NOT NULL DEFAULT 0,
    postings       BIGINT        NOT NULL DEFAULT 0,
    updated_at     DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_ledger_account (store_id, currency, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_transaction (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- What caused it, e.g. order:42:capture: a second posting of the same cause is impossible.
    idempotency_key  VARCHAR(120)  NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    store_id         BIGINT        NULL,
    order_id         BIGINT        NULL,
    memo             VARCHAR(255)  NOT NULL,
    posted_at        DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_ledger_transaction_key (idempotency_key),
    KEY ix_ledger_transaction_order (order_id),
    KEY ix_ledger_transaction_kind (kind, posted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_posting (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    transaction_id       BIGINT       NOT NULL,
    account_id           BIGINT       NOT NULL,
    -- The account's store, copied so a creator's lines are one index range (newest first, any date window).
    store_id             BIGINT       NOT NULL,
    amount_minor         BIGINT       NOT NULL,
    balance_after_minor  BIGINT       NOT NULL,
    posted_at            DATETIME(6)  NOT NULL,
    CONSTRAINT fk_posting_transaction FOREIGN KEY (transaction_id) REFERENCES ledger_transaction (id),
    CONSTRAINT fk_posting_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_posting_nonzero CHECK (amount_minor <> 0),
    KEY ix_posting_account (account_id, id),
    KEY ix_posting_store (store_id, posted_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A creator's earnings per day and currency, kept with each posting: the dashboard's totals and chart read a row
-- per day, however many postings there are. Checked against the account balances by the trial balance.
CREATE TABLE earnings_day (
    store_id       BIGINT   NOT NULL,
    currency       CHAR(3)  NOT NULL,
    earned_on      DATE     NOT NULL,
    gross_minor    BIGINT   NOT NULL DEFAULT 0,
    refunds_minor  BIGINT   NOT NULL DEFAULT 0,
    fees_minor     BIGINT   NOT NULL DEFAULT 0,
    net_minor      BIGINT   NOT NULL DEFAULT 0,
    sales          INT      NOT NULL DEFAULT 0,
    line_count     INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (store_id, earned_on, currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An order's earning waits in the creator's pending balance until release_at.
CREATE TABLE earning_hold (
    order_id     BIGINT       NOT NULL PRIMARY KEY,
    store_id     BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    release_at   DATETIME(6)  NOT NULL,
    released_at  DATETIME(6)  NULL,
    KEY ix_earning_hold_due (released_at, release_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payout (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    store_id      BIGINT        NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    currency      CHAR(3)       NOT NULL,
    requested_by  BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    KEY ix_payout_store (store_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE trial_balance_run (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at    DATETIME(6)    NOT NULL,
    finished_at   DATETIME(6)    NOT NULL,
    transactions  BIGINT         NOT NULL,
    postings      BIGINT         NOT NULL,
    accounts      BIGINT         NOT NULL,
    problems      INT            NOT NULL,
    report        VARCHAR(4000)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO job_lease (name, holder, leased_until) VALUES ('earnings-release', NULL, '2000-01-01 00:00:00');
INSERT INTO job_lease (name, holder, leased_until) VALUES ('trial-balance', NULL, '2000-01-01 00:00:00');
--rollback DROP TABLE trial_balance_run; DROP TABLE payout; DROP TABLE earning_hold; DROP TABLE earnings_day; DROP TABLE ledger_posting; DROP TABLE ledger_transaction; DROP TABLE ledger_account; DELETE FROM job_lease WHERE name IN ('earnings-release', 'trial-balance');

--changeset skillform:0010-ledger-immutable
-- Ledger rows are written once: a mistake is corrected by a reversing transaction, never by editing history.
CREATE TRIGGER ledger_transaction_no_update BEFORE UPDATE ON ledger_transaction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger transactions are immutable: post a reversing transaction';
CREATE TRIGGER ledger_transaction_no_delete BEFORE DELETE ON ledger_transaction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger transactions are immutable: post a reversing transaction';
CREATE TRIGGER ledger_posting_no_update BEFORE UPDATE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger postings are immutable: post a reversing transaction';
CREATE TRIGGER ledger_posting_no_delete BEFORE DELETE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger postings are immutable: post a reversing transaction';
--rollback DROP TRIGGER ledger_transaction_no_update; DROP TRIGGER ledger_transaction_no_delete; DROP TRIGGER ledger_posting_no_update; DROP TRIGGER ledger_posting_no_delete;
