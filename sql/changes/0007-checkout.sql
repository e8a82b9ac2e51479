--liquibase formatted sql

--changeset skillform:0007-orders
-- An order: what a buyer pays for, in minor units of one currency, and where it stands. pending_key is set only
-- while the order is pending (a hash of buyer e-mail + product), so the unique index lets at most one pending
-- checkout exist per buyer and product: a double click finds the first one instead of creating a second.
CREATE TABLE customer_order (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference           CHAR(22)      NOT NULL,
    store_id            BIGINT        NOT NULL,
    buyer_email         VARCHAR(254)  NOT NULL,
    buyer_account_id    BIGINT        NULL,
    status              VARCHAR(24)   NOT NULL,
    amount_minor        BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    refunded_minor      BIGINT        NOT NULL DEFAULT 0,
    gateway             VARCHAR(16)   NOT NULL,
    psp_session_id      VARCHAR(120)  NULL,
    psp_payment_intent  VARCHAR(120)  NULL,
    payment_url         VARCHAR(1000) NULL,
    session_attempts    INT           NOT NULL DEFAULT 0,
    pending_key         CHAR(64)      NULL,
    failure_reason      VARCHAR(500)  NULL,
    flag_reason         VARCHAR(500)  NULL,
    dispute_outcome     VARCHAR(16)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    paid_at             DATETIME(6)   NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_order_reference UNIQUE (reference),
    CONSTRAINT uq_order_pending_key UNIQUE (pending_key),
    CONSTRAINT uq_order_psp_session UNIQUE (gateway, psp_session_id),
    CONSTRAINT fk_order_store FOREIGN KEY (store_id) REFERENCES store (id),
    CONSTRAINT fk_order_buyer FOREIGN KEY (buyer_account_id) REFERENCES account (id),
    CONSTRAINT ck_order_status CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED',
                                                 'PARTIALLY_REFUNDED', 'DISPUTED')),
    CONSTRAINT ck_order_amounts CHECK (amount_minor >= 0 AND refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CONSTRAINT ck_order_gateway CHECK (gateway IN ('NONE', 'DEV', 'STRIPE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_order_store ON customer_order (store_id, created_at);
CREATE INDEX ix_order_status ON customer_order (status, created_at);
CREATE INDEX ix_order_payment_intent ON customer_order (psp_payment_intent);
CREATE INDEX ix_order_buyer ON customer_order (buyer_email);

CREATE TABLE order_item (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id      BIGINT        NOT NULL,
    product_id    BIGINT        NOT NULL,
    title         VARCHAR(140)  NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    currency      CHAR(3)       NOT NULL,
    CONSTRAINT fk_order_item_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_order_item_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_order_item_amount CHECK (amount_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every status change of an order, with what caused it: the order's history for support and audit.
CREATE TABLE order_transition (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    from_status  VARCHAR(24)   NULL,
    to_status    VARCHAR(24)   NOT NULL,
    cause        VARCHAR(200)  NOT NULL,
    at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_order_transition_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_order_transition_order ON order_transition (order_id, id);
--rollback DROP TABLE order_transition; DROP TABLE order_item; DROP TABLE customer_order;

--changeset skillform:0007-payment-events
-- PSP events exactly as received (raw body), unique per provider and event id: a redelivered webhook or an event
-- found again by reconciliation is recognised and never applied twice. object_ref (the PaymentIntent) lets an
-- event that arrived before its order was known be found again.
CREATE TABLE payment_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    provider      VARCHAR(16)   NOT NULL,
    event_id      VARCHAR(120)  NOT NULL,
    type          VARCHAR(80)   NOT NULL,
    payload       MEDIUMTEXT    NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    outcome       VARCHAR(500)  NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000) NULL,
    received_at   DATETIME(6)   NOT NULL,
    processed_at  DATETIME(6)   NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_payment_event UNIQUE (provider, event_id),
    CONSTRAINT ck_payment_event_status CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED')),
    CONSTRAINT ck_payment_event_source CHECK (source IN ('WEBHOOK', 'RECONCILIATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_payment_event_status ON payment_event (status, received_at);

-- A refund asked of the PSP. The order's refunded total changes only when the PSP confirms.
CREATE TABLE refund (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id       BIGINT        NOT NULL,
    amount_minor   BIGINT        NOT NULL,
    currency       CHAR(3)       NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    psp_refund_id  VARCHAR(120)  NULL,
    failure        VARCHAR(500)  NULL,
    requested_by   BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    settled_at     DATETIME(6)   NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_refund_account FOREIGN KEY (requested_by) REFERENCES account (id),
    CONSTRAINT ck_refund_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_refund_status CHECK (status IN ('REQUESTED', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_refund_order ON refund (order_id);

-- What each reconciliation pass asked the PSP and what it changed.
CREATE TABLE reconciliation_run (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    events_seen      INT           NOT NULL DEFAULT 0,
    events_new       INT           NOT NULL DEFAULT 0,
    orders_checked   INT           NOT NULL DEFAULT 0,
    orders_completed INT           NOT NULL DEFAULT 0,
    orders_expired   INT           NOT NULL DEFAULT 0,
    events_requeued  INT           NOT NULL DEFAULT 0,
    problems         VARCHAR(2000) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Leases for jobs that must run on one node of a cluster at a time.
CREATE TABLE job_lease (
    name          VARCHAR(64)   NOT NULL PRIMARY KEY,
    holder        VARCHAR(100)  NULL,
    leased_until  DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO job_lease (name, holder, leased_until) VALUES ('reconciliation', NULL, '2000-01-01 00:00:00');
--rollback DROP TABLE job_lease; DROP TABLE reconciliation_run; DROP TABLE refund; DROP TABLE payment_event;

--changeset skillform:0007-dev-gateway
-- The built-in dev gateway's own state (it plays a PSP, so it keeps what a PSP keeps): checkout sessions and the
-- events it has emitted. Unused when the dev gateway is off.
CREATE TABLE dev_gateway_session (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    idempotency_key  VARCHAR(200)  NOT NULL,
    order_ref        VARCHAR(64)   NOT NULL,
    description      VARCHAR(200)  NOT NULL,
    customer_email   VARCHAR(254)  NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    success_url      VARCHAR(1000) NOT NULL,
    cancel_url       VARCHAR(1000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    payment_status   VARCHAR(16)   NOT NULL,
    payment_intent   VARCHAR(64)   NOT NULL,
    amount_refunded  BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_dev_gateway_session_key UNIQUE (idempotency_key),
    CONSTRAINT uq_dev_gateway_session_pi UNIQUE (payment_intent)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dev_gateway_event (
    seq         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id          VARCHAR(64)   NOT NULL,
    type        VARCHAR(80)   NOT NULL,
    payload     MEDIUMTEXT    NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uq_dev_gateway_event UNIQUE (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_dev_gateway_event_created ON dev_gateway_event (created_at, seq);
--rollback DROP TABLE dev_gateway_event; DROP TABLE dev_gateway_session;
