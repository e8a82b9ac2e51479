--liquibase formatted sql

--changeset skillform:0023-product-type
-- What a product delivers: files to download (every product so far), or a course taken in the player.
ALTER TABLE product ADD COLUMN type VARCHAR(16) NOT NULL DEFAULT 'DOWNLOAD',
    ADD CONSTRAINT ck_product_type CHECK (type IN ('DOWNLOAD', 'COURSE'));
--rollback ALTER TABLE product DROP CONSTRAINT ck_product_type, DROP COLUMN type;

--changeset skillform:0023-course
-- A course's draft curriculum, edited by its creator: modules of lessons of blocks, each list in its own order (position:
-- JPA's order column, which EclipseLink clears while it moves a row from one list to another). Learners
-- never read these rows: they read the course's latest release (below), so a half-edited lesson never reaches them.
CREATE TABLE course (
    product_id        BIGINT      NOT NULL PRIMARY KEY,
    completion_rule   VARCHAR(16) NOT NULL DEFAULT 'ALL',
    certificate       BOOLEAN     NOT NULL DEFAULT FALSE,
    -- When the draft last changed; the player's release is older when this is later than its published_at.
    draft_changed_at  DATETIME(6) NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_course_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_course_completion CHECK (completion_rule IN ('ALL', 'REQUIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE TABLE course_module (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT       NOT NULL,
    position   INT          NULL DEFAULT 0,
    title      VARCHAR(140) NOT NULL,
    CONSTRAINT fk_course_module_course FOREIGN KEY (product_id) REFERENCES course (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_course_module_course ON course_module (product_id, position);
-- A lesson keeps its id whatever is edited or moved: learners' progress is recorded against it.
CREATE TABLE course_lesson (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    module_id              BIGINT       NOT NULL,
    position               INT          NULL DEFAULT 0,
    title                  VARCHAR(140) NOT NULL,
    free_preview           BOOLEAN      NOT NULL DEFAULT FALSE,
    required               BOOLEAN      NOT NULL DEFAULT TRUE,
    drip_days              INT          NULL,
    drip_on                DATE         NULL,
    prerequisite           VARCHAR(16)  NOT NULL DEFAULT 'NONE',
    prerequisite_lesson_id BIGINT       NULL,
    CONSTRAINT fk_course_lesson_module FOREIGN KEY (module_id) REFERENCES course_module (id),
    CONSTRAINT ck_course_lesson_drip CHECK (drip_days IS NULL OR drip_days BETWEEN 0 AND 3650),
    CONSTRAINT ck_course_lesson_prerequisite CHECK (prerequisite IN ('NONE', 'PREVIOUS', 'LESSON'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_course_lesson_module ON course_lesson (module_id, position);
-- A block's content is its type's own JSON, checked by the type when saved (see io.skillform.course.block).
CREATE TABLE lesson_block (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lesson_id BIGINT      NOT NULL,
    position  INT         NULL DEFAULT 0,
    type      VARCHAR(40) NOT NULL,
    content   MEDIUMTEXT  NOT NULL,
    CONSTRAINT fk_lesson_block_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_lesson_block_lesson ON lesson_block (lesson_id, position);
--rollback DROP TABLE lesson_block; DROP TABLE course_lesson; DROP TABLE course_module; DROP TABLE course;

--changeset skillform:0023-course-release
-- What learners take: the whole curriculum as published, immutable, one row per publication. The newest is the course.
CREATE TABLE course_release (
    product_id   BIGINT      NOT NULL,
    version      INT         NOT NULL,
    published_at DATETIME(6) NOT NULL,
    curriculum   MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (product_id, version),
    CONSTRAINT fk_course_release_course FOREIGN KEY (product_id) REFERENCES course (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE course_release;

--changeset skillform:0023-enrolment
-- A paid order of a course enrols its buyer (in the payment's transaction); a full refund or a lost dispute ends it.
CREATE TABLE enrolment (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id         BIGINT       NOT NULL,
    order_id           BIGINT       NOT NULL,
    store_id           BIGINT       NOT NULL,
    learner_email      VARCHAR(254) NOT NULL,
    learner_account_id BIGINT       NULL,
    enrolled_at        DATETIME(6)  NOT NULL,
    ended_at           DATETIME(6)  NULL,
    ended_reason       VARCHAR(200) NULL,
    last_lesson_id     BIGINT       NULL,
    last_active_at     DATETIME(6)  NULL,
    completed_at       DATETIME(6)  NULL,
    CONSTRAINT fk_enrolment_product FOREIGN KEY (product_id) REFERENCES course (product_id),
    CONSTRAINT fk_enrolment_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT uq_enrolment_order UNIQUE (order_id, product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_enrolment_account ON enrolment (learner_account_id, product_id);
CREATE INDEX ix_enrolment_email ON enrolment (learner_email, product_id);
CREATE INDEX ix_enrolment_course ON enrolment (product_id, enrolled_at);
-- A learner's progress in a lesson. Keyed by the lesson's id, not its place: it survives the creator's edits.
CREATE TABLE lesson_progress (
    enrolment_id     BIGINT      NOT NULL,
    lesson_id        BIGINT      NOT NULL,
    opened_at        DATETIME(6) NOT NULL,
    completed_at     DATETIME(6) NULL,
    position_seconds INT         NOT NULL DEFAULT 0,
    updated_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (enrolment_id, lesson_id),
    CONSTRAINT fk_lesson_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_lesson_progress_lesson ON lesson_progress (lesson_id, completed_at);
CREATE INDEX ix_enrolment_active ON enrolment (product_id, last_active_at);
-- The creator's funnel: how many learners completed each lesson, counted up at each first completion (a rollup, so the
-- funnel page reads one row per lesson however many learners the course has).
CREATE TABLE lesson_completions (
    lesson_id   BIGINT NOT NULL PRIMARY KEY,
    product_id  BIGINT NOT NULL,
    completions BIGINT NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_lesson_completions_course ON lesson_completions (product_id);
--rollback DROP TABLE lesson_completions; DROP TABLE lesson_progress; DROP TABLE enrolment;
