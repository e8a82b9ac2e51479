package io.skillform.course;

import io.skillform.catalog.Product;
import io.skillform.delivery.DeliveryException;
import io.skillform.delivery.GuestLibrary;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.DateFormatter;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.storage.Sizes;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Backs the player, {@code /learn/<course>[/<lesson>]}: the curriculum with each lesson's state, and the lesson. A learner
 * opens what the course's rules open for them and continues where they stopped; anyone opens the free previews; a
 * locked lesson's content never reaches the page, whoever asks.
 */
@Named
@ViewScoped
public class LearnPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Classroom classroom;

    @Inject
    private transient Certificates certificates;

    @Inject
    private CurrentAccount me;

    @Inject
    private GuestLibrary guest;

    @Inject
    private DateFormatter dates;

    private String courseParam;
    private String lessonParam;
    private Classroom.Seat seat;
    private PublishedCourse.Lesson lesson;
    private List<Classroom.ShownBlock> blocks;
    private String certificateName;

    /** View action: an unknown course or lesson, or a course never published, is a 404. */
    public void load() throws IOException {
        Optional<Classroom.Seat> found = number(courseParam).flatMap(id -> classroom.seat(learner(), id));
        Optional<PublishedCourse.Lesson> chosen = found.flatMap(s -> lessonParam == null ? s.resumeAt()
                : number(lessonParam).flatMap(s.course()::lesson));
        if (chosen.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        seat = found.get();
        lesson = chosen.get();
        if (isOpen()) {
            classroom.opened(seat, lesson);
        }
    }

    private Optional<Learner> learner() {
        if (me.isLoggedIn()) {
            return Optional.of(Learner.account(me.requireId(), me.verifiedEmail()));
        }
        return guest.email().map(Learner::guest);
    }

    /** "Mark complete and continue": on to the next lesson (this one again at the end), at the player's own address. */
    public void completeAndContinue() throws IOException {
        if (!seat.isEnrolled() || !isOpen()) {
            return;
        }
        if (classroom.complete(seat, lesson)) {
            PageMessages.info("learn.courseCompleted", seat.product().title());
        } else {
            PageMessages.info("learn.lessonCompleted", lesson.title());
        }
        redirect(seat.course().neighbour(lesson.id(), 1).orElse(lesson).id());
    }

    /** A file block's "Download": a fresh link, drawing on the purchase's downloads of the file. */
    public void download(long fileId) throws IOException {
        try {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(classroom.download(seat, lesson, fileId).url());
        } catch (LearnerException | DeliveryException refused) {
            PageMessages.errorText(refused.getMessage());
        }
    }

    /** "Get my certificate", once the course is completed: issued once, with the name the learner typed. */
    public void issueCertificate() throws IOException {
        try {
            certificates.issue(seat, certificateName);
            PageMessages.info("learn.certificate.issued");
            redirect(lesson.id());
        } catch (IllegalArgumentException refused) {
            PageMessages.errorFor("certificate:name", refused.getMessage());
        } catch (LearnerException refused) {
            PageMessages.errorText(refused.getMessage());
        }
    }

    /** The learner's certificate, once issued. */
    public Optional<Certificate> getCertificate() {
        return seat.enrolment().flatMap(e -> certificates.of(e.id()));
    }

    /** Whether to offer the certificate: the course gives one and this learner has completed it. */
    public boolean isCertificateDue() {
        return seat.course().certificate() && isCompleted();
    }

    public String getCertificateName() {
        return certificateName;
    }

    public void setCertificateName(String certificateName) {
        this.certificateName = certificateName;
    }

    private void redirect(long lessonId) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + path(lessonId));
    }

    /** The lesson's blocks, only when it is open to this person: a locked lesson's content is never on the page. */
    public List<Classroom.ShownBlock> getBlocks() {
        if (blocks == null) {
            blocks = isOpen() ? classroom.blocks(seat, lesson) : List.of();
        }
        return blocks;
    }

    /** Where the learner is in the lesson's video, for the player to resume at. */
    public int getPosition() {
        return classroom.position(seat, lesson.id());
    }

    public String size(long bytes) {
        return Sizes.format(bytes);
    }

    public boolean isOpen() {
        return seat.isOpen(lesson.id());
    }

    public boolean isEnrolled() {
        return seat.isEnrolled();
    }

    public LessonAccess.LessonState state(long lessonId) {
        return seat.state(lessonId);
    }

    /** Why a lesson is locked, in words: until when, after which lesson, or for learners only. */
    public String lockedBecause(long lessonId) {
        LessonAccess.LessonState state = seat.state(lessonId);
        if (state.opensAt().isPresent()) {
            return PageMessages.text("learn.opensOn", dates.format(state.opensAt().get()));
        }
        return state.waitsFor().map(title -> PageMessages.text("learn.after", title))
                .orElseGet(() -> PageMessages.text("learn.forLearners"));
    }

    public Optional<PublishedCourse.Lesson> neighbour(int step) {
        return seat.course().neighbour(lesson.id(), step);
    }

    public long getDoneCount() {
        return seat.doneCount();
    }

    public String path(long lessonId) {
        return "/learn/" + seat.product().id() + "/" + lessonId;
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Product getProduct() {
        return seat.product();
    }

    public PublishedCourse getCourse() {
        return seat.course();
    }

    public Optional<Enrolment> getEnrolment() {
        return seat.enrolment();
    }

    public PublishedCourse.Lesson getLesson() {
        return lesson;
    }

    public boolean isCompleted() {
        return seat.enrolment().flatMap(Enrolment::completedAt).isPresent();
    }

    public String getCourseParam() {
        return courseParam;
    }

    public void setCourseParam(String courseParam) {
        this.courseParam = courseParam;
    }

    public String getLessonParam() {
        return lessonParam;
    }

    public void setLessonParam(String lessonParam) {
        this.lessonParam = lessonParam;
    }
}
