--liquibase formatted sql

--changeset skillform:0024-site-secret
-- Keys the application signs its own short-lived addresses with (a lesson video's): made by the first node that needs
-- one (INSERT IGNORE of random bytes), so every node of a cluster signs and checks with the same key.
CREATE TABLE site_secret (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret      VARBINARY(64) NOT NULL,
    created_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE site_secret;

--changeset skillform:0024-certificate
-- A certificate of completion: one per enrolment, issued when the learner asks for it once the course is completed,
-- with the name they chose to print. What it says never changes (the PDF is drawn from this row); a refund or a lost
-- dispute that ends the enrolment withdraws it, and the public page says so.
CREATE TABLE certificate (
    id             CHAR(14)     NOT NULL PRIMARY KEY,
    enrolment_id   BIGINT       NOT NULL,
    product_id     BIGINT       NOT NULL,
    learner_name   VARCHAR(120) NOT NULL,
    course_title   VARCHAR(200) NOT NULL,
    creator_name   VARCHAR(200) NOT NULL,
    completed_at   DATETIME(6)  NOT NULL,
    issued_at      DATETIME(6)  NOT NULL,
    withdrawn_at   DATETIME(6)  NULL,
    CONSTRAINT uq_certificate_enrolment UNIQUE (enrolment_id),
    CONSTRAINT fk_certificate_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
    CONSTRAINT fk_certificate_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE certificate;
