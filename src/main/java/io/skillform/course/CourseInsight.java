package io.skillform.course;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a creator learns about a course: enrolled learners, active in the last 7 days, completion, the funnel (learners
 * who completed each lesson, in course order) and a page of learners with their progress. Every figure is a few indexed
 * queries or rows of the completions rollup: no query per learner or per lesson, whatever the course's size.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CourseInsight {

    public static final int PAGE = 50;

    /** The course's figures; {@code funnel} is learners who completed each lesson, by lesson id. */
    public record Figures(long enrolled, long activeThisWeek, long completed, Map<Long, Long> funnel) {

        public int completionPercent() {
            return enrolled == 0 ? 0 : (int) (completed * 100 / enrolled);
        }
    }

    /** A learner as the creator sees them. */
    public record LearnerRow(long enrolmentId, String email, Instant enrolledAt, Optional<Instant> lastActiveAt, long lessonsDone,
                             Optional<Instant> completedAt, boolean active) {
    }

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** The caller has checked that the course is the creator's. */
    public Figures figures(long productId) {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(last_active_at >= ?), 0),"
                        + " COALESCE(SUM(completed_at IS NOT NULL), 0) FROM enrolment WHERE product_id = ? AND ended_at IS NULL")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).setParameter(2, productId)
                .getSingleResult();
        Map<Long, Long> funnel = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT lesson_id, completions FROM lesson_completions WHERE product_id = ?")
                .setParameter(1, productId).getResultList()) {
            Object[] cells = (Object[]) row;
            funnel.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
        }
        return new Figures(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(), funnel);
    }

    /** A page of the course's learners, newest first, each with the lessons they completed (one query for the page). */
    public List<LearnerRow> learners(long productId, int page) {
        return rows(em.createQuery("SELECT e FROM Enrolment e WHERE e.productId = :product"
                        + " ORDER BY e.enrolledAt DESC, e.id DESC", Enrolment.class)
                .setParameter("product", productId).setFirstResult(Math.max(0, page) * PAGE).setMaxResults(PAGE).getResultList());
    }

    /**
     * Up to {@code limit} learners enrolled before the one enrolled at {@code at} with id {@code id} (newest first; the
     * first page without them), for the API's cursor: the course's (enrolled at, id) index serves it, however deep.
     */
    public List<LearnerRow> learnersBefore(long productId, Optional<Instant> at, long id, int limit) {
        TypedQuery<Enrolment> page = em.createQuery("SELECT e FROM Enrolment e WHERE e.productId = :product"
                        + (at.isPresent() ? " AND (e.enrolledAt < :at OR (e.enrolledAt = :at AND e.id < :id))" : "")
                        + " ORDER BY e.enrolledAt DESC, e.id DESC", Enrolment.class)
                .setParameter("product", productId).setMaxResults(limit);
        at.ifPresent(time -> page.setParameter("at", time).setParameter("id", id));
        return rows(page.getResultList());
    }

    private List<LearnerRow> rows(List<Enrolment> enrolments) {
        Map<Long, Long> done = new HashMap<>();
        if (!enrolments.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT p.enrolmentId, COUNT(p) FROM LessonProgress p WHERE p.enrolmentId IN :ids"
                            + " AND p.completedAt IS NOT NULL GROUP BY p.enrolmentId", Object[].class)
                    .setParameter("ids", enrolments.stream().map(Enrolment::id).toList()).getResultList()) {
                done.put((Long) row[0], ((Number) row[1]).longValue());
            }
        }
        return enrolments.stream().map(e -> new LearnerRow(e.id(), e.learnerEmail(), e.enrolledAt(), e.lastActiveAt(),
                done.getOrDefault(e.id(), 0L), e.completedAt(), e.isActive())).toList();
    }
}
