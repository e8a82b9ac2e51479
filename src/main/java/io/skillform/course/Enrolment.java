package io.skillform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's place in a course, made by a paid order of it. A full refund or a lost dispute ends it (the reason kept);
 * a dispute won reinstates it. It remembers where the learner stopped and when the course was completed.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false, updatable = false)
    private long productId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(name = "learner_email", nullable = false, updatable = false, length = 254)
    private String learnerEmail;

    @Column(name = "learner_account_id")
    private Long learnerAccountId;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    private Instant enrolledAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_reason", length = 200)
    private String endedReason;

    @Column(name = "last_lesson_id")
    private Long lastLessonId;

    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Enrolment() {
        // for JPA
    }

    Enrolment(long productId, long orderId, long storeId, String learnerEmail, Long learnerAccountId, Instant now) {
        this.productId = productId;
        this.orderId = orderId;
        this.storeId = storeId;
        this.learnerEmail = Objects.requireNonNull(learnerEmail, "learnerEmail");
        this.learnerAccountId = learnerAccountId;
        this.enrolledAt = Objects.requireNonNull(now, "now");
    }

    /** @return whether it ended now (false: it had ended already) */
    boolean end(String reason, Instant now) {
        if (endedAt != null) {
            return false;
        }
        endedAt = now;
        endedReason = reason;
        return true;
    }

    /** @return whether it was ended and is not any more */
    boolean reinstate() {
        if (endedAt == null) {
            return false;
        }
        endedAt = null;
        endedReason = null;
        return true;
    }

    void visited(long lessonId, Instant now) {
        lastLessonId = lessonId;
        lastActiveAt = now;
    }

    /** @return whether the course was completed by this (false: it had been before) */
    boolean complete(Instant now) {
        if (completedAt != null) {
            return false;
        }
        completedAt = now;
        return true;
    }

    void joinAccount(long accountId) {
        if (learnerAccountId == null) {
            learnerAccountId = accountId;
        }
    }

    public boolean isActive() {
        return endedAt == null;
    }

    public Long id() {
        return id;
    }

    public long productId() {
        return productId;
    }

    public long orderId() {
        return orderId;
    }

    public long storeId() {
        return storeId;
    }

    public String learnerEmail() {
        return learnerEmail;
    }

    public Optional<Long> learnerAccountId() {
        return Optional.ofNullable(learnerAccountId);
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Optional<String> endedReason() {
        return Optional.ofNullable(endedReason);
    }

    public Optional<Instant> lastActiveAt() {
        return Optional.ofNullable(lastActiveAt);
    }

    public Optional<Long> lastLessonId() {
        return Optional.ofNullable(lastLessonId);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
