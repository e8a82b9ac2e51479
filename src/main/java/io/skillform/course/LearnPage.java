package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductStatus;
import io.skillform.course.block.BlockType;
import io.skillform.course.block.BlockTypes;
import io.skillform.delivery.GuestLibrary;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.DateFormatter;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backs the player, {@code /learn/<course>[/<lesson>]}: the curriculum with each lesson's state, and the lesson. A learner
 * opens what the course's rules open for them and continues where they stopped; anyone opens the free previews; a
 * locked lesson's content never reaches the page, whoever asks.
 */
@Named
@ViewScoped
public class LearnPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A block as the player shows it: its type's fragment and what the learner may see of it. */
    public record ShownBlock(long id, String type, String fragment, JsonObject view) implements Serializable {
    }

    @Inject
    private transient Curricula curricula;

    @Inject
    private transient Enrolments enrolments;

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient BlockTypes blockTypes;

    @Inject
    private CurrentAccount me;

    @Inject
    private GuestLibrary guest;

    @Inject
    private DateFormatter dates;

    private final Clock clock = Clock.systemUTC();

    private String courseParam;
    private String lessonParam;
    private Product product;
    private PublishedCourse course;
    private Long enrolmentId;
    private Map<Long, LessonAccess.LessonState> states;
    private PublishedCourse.Lesson lesson;
    private boolean completed;
    private List<ShownBlock> blocks;

    /** View action: an unknown course or lesson, or a course never published, is a 404. */
    public void load() throws IOException {
        Optional<Long> productId = number(courseParam);
        Optional<CourseRelease> release = productId.flatMap(curricula::latestRelease);
        Optional<Product> found = productId.flatMap(catalog::find);
        if (release.isEmpty() || found.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        product = found.get();
        course = release.get().course();
        Optional<Enrolment> enrolment = learner().flatMap(learner -> enrolments.of(learner, product.id()));
        if (enrolment.isEmpty() && product.status() != ProductStatus.PUBLISHED) {
            PageResponses.notFound(); // only its learners keep a course that is no longer for sale
            return;
        }
        Set<Long> done = enrolment.map(e -> enrolments.completedLessons(e.id())).orElse(Set.of());
        enrolmentId = enrolment.map(Enrolment::id).orElse(null);
        completed = enrolment.flatMap(Enrolment::completedAt).isPresent();
        states = enrolment.map(e -> LessonAccess.forLearner(course, e.enrolledAt(), done, clock.instant()))
                .orElseGet(() -> LessonAccess.forVisitor(course));
        Optional<PublishedCourse.Lesson> chosen = lessonParam == null ? resumeAt(enrolment) : number(lessonParam).flatMap(course::lesson);
        if (chosen.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        lesson = chosen.get();
        if (enrolmentId != null && isOpen()) {
            enrolments.opened(enrolmentId, lesson.id());
        }
    }

    /** Where the learner stopped, or the first lesson they may open (the first lesson when none is open). */
    private Optional<PublishedCourse.Lesson> resumeAt(Optional<Enrolment> enrolment) {
        return enrolment.flatMap(Enrolment::lastLessonId).flatMap(course::lesson)
                .or(() -> course.lessons().stream().filter(l -> states.get(l.id()).state() == LessonAccess.State.OPEN).findFirst())
                .or(() -> course.lessons().stream().findFirst());
    }

    private Optional<Learner> learner() {
        if (me.isLoggedIn()) {
            return Optional.of(Learner.account(me.requireId(), me.verifiedEmail()));
        }
        return guest.email().map(Learner::guest);
    }

    /** "Mark complete and continue": on to the next lesson (this one again at the end), at the player's own address. */
    public void completeAndContinue() throws IOException {
        if (enrolmentId == null || !isOpen()) {
            return;
        }
        if (enrolments.complete(enrolmentId, lesson.id(), course)) {
            PageMessages.info("learn.courseCompleted", product.title());
        } else {
            PageMessages.info("learn.lessonCompleted", lesson.title());
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + path(course.neighbour(lesson.id(), 1).orElse(lesson).id()));
    }

    /** The lesson's blocks, only when it is open to this person: a locked lesson's content is never on the page. */
    public List<ShownBlock> getBlocks() {
        if (blocks == null) {
            blocks = !isOpen() ? List.of() : lesson.blocks().stream().map(block -> {
                BlockType type = blockTypes.require(block.type());
                return new ShownBlock(block.id(), block.type(), type.playerFragment(), type.learnerView(block.content()));
            }).toList();
        }
        return blocks;
    }

    public boolean isOpen() {
        return states.get(lesson.id()).isOpen();
    }

    public boolean isEnrolled() {
        return enrolmentId != null;
    }

    public LessonAccess.LessonState state(long lessonId) {
        return states.get(lessonId);
    }

    /** Why a lesson is locked, in words: until when, after which lesson, or for learners only. */
    public String lockedBecause(long lessonId) {
        LessonAccess.LessonState state = states.get(lessonId);
        if (state.opensAt().isPresent()) {
            return PageMessages.text("learn.opensOn", dates.format(state.opensAt().get()));
        }
        return state.waitsFor().map(title -> PageMessages.text("learn.after", title))
                .orElseGet(() -> PageMessages.text("learn.forLearners"));
    }

    public Optional<PublishedCourse.Lesson> neighbour(int step) {
        return course.neighbour(lesson.id(), step);
    }

    public int getDoneCount() {
        return (int) states.values().stream().filter(s -> s.state() == LessonAccess.State.DONE).count();
    }

    public String path(long lessonId) {
        return "/learn/" + product.id() + "/" + lessonId;
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Product getProduct() {
        return product;
    }

    public PublishedCourse getCourse() {
        return course;
    }

    public PublishedCourse.Lesson getLesson() {
        return lesson;
    }

    public boolean isCompleted() {
        return completed;
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
