package io.skillform.course;

import io.skillform.catalog.Product;
import io.skillform.delivery.Purchase;
import io.skillform.webhook.WebhookEventType;
import io.skillform.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enrolments and progress. A paid order of a course enrols its buyer in the payment's own transaction, as delivery
 * grants files; progress is written by upserts keyed by (enrolment, lesson), so a retried request never counts twice.
 */
@Stateless
public class Enrolments {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Webhooks webhooks;

    @Inject
    private Certificates certificates;

    private final Clock clock = Clock.systemUTC();

    /**
     * Catches the order's enrolments up with its state, like delivery's sync: idempotent. Returns what it did, for the
     * cause's record.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> sync(Purchase purchase) {
        List<String> done = new ArrayList<>();
        Instant now = clock.instant();
        for (Purchase.Item item : purchase.items()) {
            Product product = em.find(Product.class, item.productId());
            if (product == null || !product.isCourse()) {
                continue;
            }
            Optional<Enrolment> existing = em.createQuery("SELECT e FROM Enrolment e WHERE e.orderId = :order AND e.productId = :product",
                            Enrolment.class)
                    .setParameter("order", purchase.orderId()).setParameter("product", item.productId())
                    .getResultStream().findFirst();
            if (purchase.entitled()) {
                if (existing.isEmpty()) {
                    Enrolment enrolment = new Enrolment(item.productId(), purchase.orderId(), purchase.storeId(), purchase.buyer().value(),
                            purchase.buyerAccountId(), now);
                    em.persist(enrolment);
                    em.flush(); // its id, for the webhook
                    tell(enrolment, WebhookEventType.ENROLLMENT_CREATED, Optional.empty(), now);
                    done.add("enrolled");
                } else if (existing.get().reinstate()) {
                    certificates.of(existing.get().id()).ifPresent(Certificate::reinstate);
                    done.add("enrolment reinstated");
                }
            } else if (existing.isPresent() && existing.get().end(purchase.notEntitledBecause(), now)) {
                // The certificate goes with the enrolment: its public page says it was withdrawn.
                certificates.of(existing.get().id()).ifPresent(certificate -> certificate.withdraw(now));
                done.add("enrolment ended");
            }
        }
        return done;
    }

    /** The learner's active enrolment in the course, if any (the newest, should they have bought it twice). */
    public Optional<Enrolment> of(Learner learner, long productId) {
        return query(learner, " AND e.productId = :product AND e.endedAt IS NULL").setParameter("product", productId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Every course the learner is enrolled in, ended ones too (the library says why), newest first. */
    public List<Enrolment> of(Learner learner) {
        return query(learner, "").setMaxResults(200).getResultList();
    }

    private TypedQuery<Enrolment> query(Learner learner, String condition) {
        String who = learner.accountId().isPresent()
                ? (learner.email().isPresent() ? "(e.learnerAccountId = :account OR e.learnerEmail = :email)" : "e.learnerAccountId = :account")
                : "e.learnerEmail = :email";
        TypedQuery<Enrolment> query = em.createQuery("SELECT e FROM Enrolment e WHERE " + who + condition
                + " ORDER BY e.enrolledAt DESC, e.id DESC", Enrolment.class);
        learner.accountId().ifPresent(id -> query.setParameter("account", id));
        learner.email().ifPresent(email -> query.setParameter("email", email.value()));
        return query;
    }

    /** The lessons the enrolment has completed. */
    public Set<Long> completedLessons(long enrolmentId) {
        return new HashSet<>(em.createQuery("SELECT p.lessonId FROM LessonProgress p WHERE p.enrolmentId = :enrolment"
                        + " AND p.completedAt IS NOT NULL", Long.class)
                .setParameter("enrolment", enrolmentId).getResultList());
    }

    /** Completed lessons per enrolment, for a list of them (one query). */
    public Map<Long, Set<Long>> completedLessons(List<Long> enrolmentIds) {
        Map<Long, Set<Long>> completed = new HashMap<>();
        if (enrolmentIds.isEmpty()) {
            return completed;
        }
        for (Object[] row : em.createQuery("SELECT p.enrolmentId, p.lessonId FROM LessonProgress p WHERE p.enrolmentId IN :ids"
                        + " AND p.completedAt IS NOT NULL", Object[].class)
                .setParameter("ids", enrolmentIds).getResultList()) {
            completed.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
        }
        return completed;
    }

    public Optional<LessonProgress> progress(long enrolmentId, long lessonId) {
        return em.createQuery("SELECT p FROM LessonProgress p WHERE p.enrolmentId = :enrolment AND p.lessonId = :lesson", LessonProgress.class)
                .setParameter("enrolment", enrolmentId).setParameter("lesson", lessonId).getResultStream().findFirst();
    }

    /** Every lesson's progress of an enrolment, by lesson. */
    public Map<Long, LessonProgress> progress(long enrolmentId) {
        Map<Long, LessonProgress> byLesson = new HashMap<>();
        em.createQuery("SELECT p FROM LessonProgress p WHERE p.enrolmentId = :enrolment", LessonProgress.class)
                .setParameter("enrolment", enrolmentId).getResultStream().forEach(p -> byLesson.put(p.lessonId(), p));
        return byLesson;
    }

    /** The learner opened a lesson: it is where they continue next time. */
    public void opened(long enrolmentId, long lessonId) {
        Instant now = clock.instant();
        upsert(enrolmentId, lessonId, now, null, null);
        em.find(Enrolment.class, enrolmentId).visited(lessonId, now);
    }

    /** Where the learner is in the lesson's video; never moves a completed lesson back to not completed. */
    public void position(long enrolmentId, long lessonId, int seconds) {
        upsert(enrolmentId, lessonId, clock.instant(), null, Math.max(0, seconds));
    }

    /**
     * Marks the lesson completed (once: the first completion's time is kept), and the course when its rule is met now.
     *
     * @return whether this completed the course
     */
    public boolean complete(long enrolmentId, long lessonId, PublishedCourse course) {
        Instant now = clock.instant();
        // Locked first: of two completions of one lesson at once, one is the first and tells the creator's webhooks.
        Enrolment enrolment = em.find(Enrolment.class, enrolmentId, LockModeType.PESSIMISTIC_WRITE);
        boolean first = !completedLessons(enrolmentId).contains(lessonId);
        upsert(enrolmentId, lessonId, now, now, null);
        enrolment.visited(lessonId, now);
        if (first) {
            em.createNativeQuery("INSERT INTO lesson_completions (lesson_id, product_id, completions) VALUES (?, ?, 1)"
                            + " ON DUPLICATE KEY UPDATE completions = completions + 1")
                    .setParameter(1, lessonId).setParameter(2, enrolment.productId()).executeUpdate();
            tell(enrolment, WebhookEventType.LESSON_COMPLETED, Optional.of(lessonId), now);
        }
        boolean courseDone = LessonAccess.completes(course, completedLessons(enrolmentId)) && enrolment.complete(now);
        if (courseDone) {
            tell(enrolment, WebhookEventType.COURSE_COMPLETED, Optional.empty(), now);
        }
        return courseDone;
    }

    private void tell(Enrolment enrolment, WebhookEventType type, Optional<Long> lessonId, Instant now) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("enrollment_id", enrolment.id()).add("product_id", enrolment.productId())
                .add("learner_email", enrolment.learnerEmail()).add("occurred_at", now.toString());
        lessonId.ifPresent(id -> data.add("lesson_id", id));
        webhooks.learnerEvent(enrolment.storeId(), type, enrolment.id(), data.build());
    }

    private void upsert(long enrolmentId, long lessonId, Instant now, Instant completedAt, Integer position) {
        em.createNativeQuery("INSERT INTO lesson_progress (enrolment_id, lesson_id, opened_at, completed_at, position_seconds, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE completed_at = COALESCE(completed_at, VALUES(completed_at)),"
                        + " position_seconds = IF(? IS NULL, position_seconds, VALUES(position_seconds)), updated_at = VALUES(updated_at)")
                .setParameter(1, enrolmentId).setParameter(2, lessonId).setParameter(3, Timestamp.from(now))
                .setParameter(4, completedAt == null ? null : Timestamp.from(completedAt))
                .setParameter(5, position == null ? 0 : position).setParameter(6, Timestamp.from(now))
                .setParameter(7, position)
                .executeUpdate();
    }
}
