package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductStatus;
import io.skillform.course.block.BlockField;
import io.skillform.course.block.BlockType;
import io.skillform.course.block.BlockTypes;
import io.skillform.course.block.FileFields;
import io.skillform.delivery.Library;
import io.skillform.platform.SiteSecrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's side of courses, for the player and the API alike: which course and lessons a person may open now, a
 * lesson's blocks as they may see them (media as short-lived signed addresses), and their progress. Every rule is
 * applied here, on the server: a locked lesson's content, media and files are refused whoever asks.
 */
@Stateless
public class Classroom {

    /** How long a lesson's media address works: a long video watched with pauses, not a link to pass around for days. */
    static final Duration MEDIA_ADDRESS_LIFETIME = Duration.ofHours(4);

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Curricula curricula;

    @Inject
    private Enrolments enrolments;

    @Inject
    private Catalog catalog;

    @Inject
    private BlockTypes blockTypes;

    @Inject
    private Library library;

    @Inject
    private SiteSecrets secrets;

    private final Clock clock = Clock.systemUTC();

    /** A person's place in a course: the release they take, their enrolment (none for a visitor) and each lesson's state. */
    public record Seat(Product product, PublishedCourse course, Optional<Enrolment> enrolment, Map<Long, LessonAccess.LessonState> states)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public boolean isEnrolled() {
            return enrolment.isPresent();
        }

        public boolean isOpen(long lessonId) {
            LessonAccess.LessonState state = states.get(lessonId);
            return state != null && state.isOpen();
        }

        public LessonAccess.LessonState state(long lessonId) {
            return states.get(lessonId);
        }

        public long doneCount() {
            return states.values().stream().filter(s -> s.state() == LessonAccess.State.DONE).count();
        }

        /** Where the learner stopped, or the first lesson they may open (the first lesson when none is open). */
        public Optional<PublishedCourse.Lesson> resumeAt() {
            return enrolment.flatMap(Enrolment::lastLessonId).flatMap(course::lesson)
                    .or(() -> course.lessons().stream().filter(l -> isOpen(l.id())).findFirst())
                    .or(() -> course.lessons().stream().findFirst());
        }
    }

    /** A block as a learner sees it: its type, its type's player fragment and its view, media addresses included. */
    public record ShownBlock(long id, String type, String fragment, JsonObject view) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * The person's seat in the course; empty for a course that does not exist, was never published, or is no longer for
     * sale and not theirs (only its learners keep it).
     */
    public Optional<Seat> seat(Optional<Learner> learner, long productId) {
        Optional<CourseRelease> release = curricula.latestRelease(productId);
        Optional<Product> product = catalog.find(productId);
        if (release.isEmpty() || product.isEmpty()) {
            return Optional.empty();
        }
        PublishedCourse course = release.get().course();
        Optional<Enrolment> enrolment = learner.flatMap(l -> enrolments.of(l, productId));
        if (enrolment.isEmpty() && product.get().status() != ProductStatus.PUBLISHED) {
            return Optional.empty();
        }
        Map<Long, LessonAccess.LessonState> states = enrolment.map(e -> LessonAccess.forLearner(course, e.enrolledAt(),
                        enrolments.completedLessons(e.id()), clock.instant()))
                .orElseGet(() -> LessonAccess.forVisitor(course));
        return Optional.of(new Seat(product.get(), course, enrolment, states));
    }

    /** The seat in the course a lesson is part of: one of the learner's courses, or a course whose draft holds it. */
    public Optional<Seat> seatOfLesson(Optional<Learner> learner, long lessonId) {
        Optional<Long> productId = learner.stream().flatMap(l -> enrolments.of(l).stream()).filter(Enrolment::isActive)
                .map(Enrolment::productId).filter(id -> curricula.latestRelease(id).map(r -> r.course().lesson(lessonId).isPresent())
                        .orElse(false))
                .findFirst()
                .or(() -> Optional.ofNullable(em.find(CourseLesson.class, lessonId)).map(l -> l.module().course().productId()));
        return productId.flatMap(id -> seat(learner, id)).filter(seat -> seat.course().lesson(lessonId).isPresent());
    }

    /** The lesson's blocks, for someone it is open to. */
    public List<ShownBlock> blocks(Seat seat, PublishedCourse.Lesson lesson) {
        requireOpen(seat, lesson);
        long enrolmentId = seat.enrolment().map(Enrolment::id).orElse(0L);
        long expires = clock.instant().plus(MEDIA_ADDRESS_LIFETIME).getEpochSecond();
        byte[] key = secrets.secret(MediaAddress.SECRET);
        return lesson.blocks().stream().map(block -> {
            BlockType type = blockTypes.require(block.type());
            JsonObjectBuilder view = Json.createObjectBuilder(type.learnerView(block.content()));
            for (BlockField field : type.fields()) {
                if (field.kind().isFile()) {
                    FileFields.fileId(block.content(), field.name()).map(id -> em.find(ProductFile.class, id)).ifPresent(file -> {
                        JsonObjectBuilder described = Json.createObjectBuilder().add("file_id", file.id())
                                .add("file_name", file.fileName().value()).add("content_type", file.contentType())
                                .add("size_bytes", file.sizeBytes());
                        if (field.kind() == BlockField.Kind.MEDIA) {
                            described.add("path", new MediaAddress(file.id(), enrolmentId, expires).path(key));
                        }
                        view.add(field.name(), described);
                    });
                }
            }
            return new ShownBlock(block.id(), block.type(), type.playerFragment(), view.build());
        }).toList();
    }

    /** The learner opened the lesson: it is where they continue next time. A visitor's look at a preview is not recorded. */
    public void opened(Seat seat, PublishedCourse.Lesson lesson) {
        requireOpen(seat, lesson);
        seat.enrolment().ifPresent(e -> enrolments.opened(e.id(), lesson.id()));
    }

    /** @return whether this completed the course */
    public boolean complete(Seat seat, PublishedCourse.Lesson lesson) {
        requireOpen(seat, lesson);
        return enrolments.complete(enrolled(seat).id(), lesson.id(), seat.course());
    }

    public void position(Seat seat, PublishedCourse.Lesson lesson, int seconds) {
        requireOpen(seat, lesson);
        enrolments.position(enrolled(seat).id(), lesson.id(), seconds);
    }

    /** Where the learner is in the lesson's video, in seconds (0 when they have not started it). */
    public int position(Seat seat, long lessonId) {
        return seat.enrolment().map(e -> enrolments.progress(e.id(), lessonId).map(LessonProgress::positionSeconds).orElse(0)).orElse(0);
    }

    /**
     * A download link to a file of the lesson: drawn on the purchase's downloads of it. A free preview's files are the
     * course's buyers' only.
     */
    public Library.IssuedLink download(Seat seat, PublishedCourse.Lesson lesson, long fileId) {
        requireOpen(seat, lesson);
        Enrolment enrolment = enrolled(seat);
        boolean inLesson = lesson.blocks().stream().anyMatch(block -> blockTypes.find(block.type()).stream()
                .flatMap(type -> type.fields().stream())
                .filter(field -> field.kind() == BlockField.Kind.ATTACHMENT)
                .anyMatch(field -> FileFields.fileId(block.content(), field.name()).equals(Optional.of(fileId))));
        if (!inLesson) {
            throw new LearnerException(LearnerException.Reason.NOT_FOUND, "This lesson has no such file.");
        }
        return library.linkToCourseFile(enrolment.orderId(), fileId);
    }

    /** The file a media address names, while it is good: its enrolment still lasts (a refund ends it at once). */
    public Optional<ProductFile> media(MediaAddress address) {
        if (address.enrolmentId() != 0) {
            Enrolment enrolment = em.find(Enrolment.class, address.enrolmentId());
            if (enrolment == null || !enrolment.isActive()) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(em.find(ProductFile.class, address.fileId()));
    }

    private static Enrolment enrolled(Seat seat) {
        return seat.enrolment().orElseThrow(() -> new LearnerException(LearnerException.Reason.NOT_ENROLLED,
                "Only the course's learners can do this: buy the course to take it."));
    }

    private static void requireOpen(Seat seat, PublishedCourse.Lesson lesson) {
        if (!seat.isOpen(lesson.id())) {
            throw new LearnerException(seat.isEnrolled() ? LearnerException.Reason.LOCKED : LearnerException.Reason.NOT_ENROLLED,
                    seat.isEnrolled() ? "This lesson is not open yet." : "Only the course's learners can open this lesson.");
        }
    }
}
