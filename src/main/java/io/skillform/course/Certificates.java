package io.skillform.course;

import io.skillform.catalog.Product;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Certificates of completion: issued to a learner who completed a course that gives one, once (asking again gives the
 * same certificate), with the name they chose; found by anyone by their id.
 */
@Stateless
public class Certificates {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * @throws LearnerException when the course gives no certificate, or the learner has not completed it
     * @throws IllegalArgumentException for a name that cannot be printed (the message says why)
     */
    public Certificate issue(Classroom.Seat seat, String learnerName) {
        Enrolment enrolment = seat.enrolment().orElseThrow(() -> new LearnerException(LearnerException.Reason.NOT_ENROLLED,
                "Only the course's learners get its certificate."));
        if (!seat.course().certificate()) {
            throw new LearnerException(LearnerException.Reason.NOT_FOUND, "This course gives no certificate.");
        }
        // Locked: two requests at once issue one certificate.
        Enrolment locked = em.find(Enrolment.class, enrolment.id(), LockModeType.PESSIMISTIC_WRITE);
        if (locked.completedAt().isEmpty()) {
            throw new LearnerException(LearnerException.Reason.LOCKED, "Complete the course first: its certificate is issued then.");
        }
        Optional<Certificate> issued = of(locked.id());
        if (issued.isPresent()) {
            return issued.get();
        }
        Product product = seat.product();
        Certificate certificate = new Certificate(locked, learnerName, product.title(), product.store().displayName(), clock.instant());
        em.persist(certificate);
        return certificate;
    }

    public Optional<Certificate> of(long enrolmentId) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.enrolmentId = :enrolment", Certificate.class)
                .setParameter("enrolment", enrolmentId).getResultStream().findFirst();
    }

    public Optional<Certificate> find(String id) {
        return id == null || !id.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}") ? Optional.empty()
                : Optional.ofNullable(em.find(Certificate.class, id));
    }
}
