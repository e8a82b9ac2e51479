package io.skillform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One publication of a course: the whole curriculum as learners take it, never changed. The newest is the course. */
@Entity
@Table(name = "course_release")
@IdClass(CourseRelease.Key.class)
public class CourseRelease {

    /** The release's key: the course and its version number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long productId;
        private Integer version;

        public Key() {
            // for JPA
        }

        public Key(long productId, int version) {
            this.productId = productId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(productId, key.productId) && Objects.equals(version, key.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(productId, version);
        }
    }

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Id
    private Integer version;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(nullable = false, updatable = false, columnDefinition = "MEDIUMTEXT")
    private String curriculum;

    protected CourseRelease() {
        // for JPA
    }

    CourseRelease(long productId, int version, Instant publishedAt, String curriculum) {
        this.productId = productId;
        this.version = version;
        this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt");
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
    }

    public int version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public PublishedCourse course() {
        return PublishedCourse.parse(productId, version, publishedAt, curriculum);
    }
}
