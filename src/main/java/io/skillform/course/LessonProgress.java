package io.skillform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A learner's progress in one lesson: written by {@link Enrolments}' upserts, read here. */
@Entity
@Table(name = "lesson_progress")
@IdClass(LessonProgress.Key.class)
public class LessonProgress {

    /** The row's key: the enrolment and the lesson. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long enrolmentId;
        private Long lessonId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(enrolmentId, key.enrolmentId) && Objects.equals(lessonId, key.lessonId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(enrolmentId, lessonId);
        }
    }

    @Id
    @Column(name = "enrolment_id")
    private Long enrolmentId;

    @Id
    @Column(name = "lesson_id")
    private Long lessonId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "position_seconds", nullable = false)
    private int positionSeconds;

    protected LessonProgress() {
        // for JPA
    }

    public long lessonId() {
        return lessonId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public int positionSeconds() {
        return positionSeconds;
    }
}
