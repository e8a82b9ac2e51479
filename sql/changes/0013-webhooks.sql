--liquibase formatted sql

--changeset skillform:0013-webhook-endpoint
-- A creator's endpoint for outgoing webhooks. The signing secret must be readable to sign (HMAC), so it is stored as
-- is — protect database backups accordingly; it is shown to the creator only once. previous_secret signs alongside the
-- new one until previous_secret_until, so a receiver can roll its secret without losing a delivery. events is the
-- space-separated list of subscribed event types. consecutive_failures/failing_since count attempts that failed in a
-- row (reset by any success); past the configured limits the endpoint is DISABLED with the reason.
CREATE TABLE webhook_endpoint (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    store_id              BIGINT        NOT NULL,
    url                   VARCHAR(2000) NOT NULL,
    description           VARCHAR(200)  NULL,
    events                VARCHAR(1000) NOT NULL,
    secret                VARCHAR(100)  NOT NULL,
    previous_secret       VARCHAR(100)  NULL,
    previous_secret_until DATETIME(6)   NULL,
    status                VARCHAR(16)   NOT NULL,
    disabled_reason       VARCHAR(500)  NULL,
    disabled_at           DATETIME(6)   NULL,
    consecutive_failures  INT           NOT NULL DEFAULT 0,
    failing_since         DATETIME(6)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_webhook_endpoint_store FOREIGN KEY (store_id) REFERENCES store (id),
    CONSTRAINT ck_webhook_endpoint_status CHECK (status IN ('ENABLED', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_webhook_endpoint_store ON webhook_endpoint (store_id, status);
--rollback DROP TABLE webhook_endpoint;

--changeset skillform:0013-webhook-event
-- An event for a store's endpoints, written in the transaction of the change it reports (the outbox): a change that
-- rolls back leaves no event. message_id is the webhook-id header, the same for every attempt and endpoint.
-- ordering_key (order:<reference>, product:<id>) is what deliveries to one endpoint are kept in order by.
CREATE TABLE webhook_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id   VARCHAR(40)  NOT NULL,
    store_id     BIGINT       NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    ordering_key VARCHAR(80)  NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_webhook_event_message UNIQUE (message_id),
    CONSTRAINT fk_webhook_event_store FOREIGN KEY (store_id) REFERENCES store (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE webhook_event;

--changeset skillform:0013-webhook-delivery
-- One event to one endpoint. PENDING (not tried yet) and FAILED (a retry is due at next_attempt_at) are open; SENDING
-- is claimed by one node until claimed_until (a row lock decides who claims); SUCCEEDED and ABANDONED are final.
-- ordering_key is copied from the event so "an older open delivery for this key and endpoint" is one index range.
CREATE TABLE webhook_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id         BIGINT        NOT NULL,
    endpoint_id      BIGINT        NOT NULL,
    ordering_key     VARCHAR(80)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    retries_left     INT           NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    claimed_until    DATETIME(6)   NULL,
    last_status_code INT           NULL,
    last_latency_ms  BIGINT        NULL,
    last_error       VARCHAR(500)  NULL,
    last_attempt_at  DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    CONSTRAINT ck_webhook_delivery_state CHECK (state IN ('PENDING', 'SENDING', 'FAILED', 'SUCCEEDED', 'ABANDONED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX ix_webhook_delivery_key ON webhook_delivery (endpoint_id, ordering_key, state, id);
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (endpoint_id, id);
--rollback DROP TABLE webhook_delivery;

--changeset skillform:0013-webhook-attempt
-- Every HTTP attempt of a delivery, as it happened: the receiver's status code (NULL when no answer came), the time to
-- the answer, the error, and the first bytes of the answer's body. Never updated.
CREATE TABLE webhook_attempt (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id   BIGINT       NOT NULL,
    attempted_at  DATETIME(6)  NOT NULL,
    status_code   INT          NULL,
    latency_ms    BIGINT       NOT NULL,
    error         VARCHAR(500) NULL,
    response_body VARCHAR(1000) NULL,
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
--rollback DROP TABLE webhook_attempt;

--changeset skillform:0013-webhook-order-state
-- What the webhooks last reported of each order (status, refunded total, dispute outcome): an order change emits an
-- event only when it differs, so a PSP report applied twice emits once.
CREATE TABLE webhook_order_state (
    order_id        BIGINT      NOT NULL PRIMARY KEY,
    status          VARCHAR(24) NOT NULL,
    refunded_minor  BIGINT      NOT NULL,
    dispute_outcome VARCHAR(16) NULL,
    CONSTRAINT fk_webhook_order_state_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO job_lease (name, holder, leased_until) VALUES ('webhook-sweep', NULL, '2000-01-01 00:00:00');
--rollback DROP TABLE webhook_order_state; DELETE FROM job_lease WHERE name = 'webhook-sweep';
