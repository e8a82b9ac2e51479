package io.skillform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final int PARSED_KEPT = 512;
    private static final Map<Key, PublishedCourse> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PublishedCourse> eldest) {
            return size() > PARSED_KEPT;
        }
    };

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

    /**
     * The curriculum, parsed once per release and node: a release never changes, so what was parsed stays right, and the
     * player does not parse a 200-lesson course on every request. Bounded: the least recently used go first.
     */
    public PublishedCourse course() {
        Key key = new Key(productId, version);
        synchronized (PARSED) {
            PublishedCourse known = PARSED.get(key);
            if (known != null) {
                return known;
            }
        }
        PublishedCourse parsed = PublishedCourse.parse(productId, version, publishedAt, curriculum);
        synchronized (PARSED) {
            PARSED.put(key, parsed);
        }
        return parsed;
    }
}
