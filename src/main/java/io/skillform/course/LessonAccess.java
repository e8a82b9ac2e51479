package io.skillform.course;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The course's rules for when a lesson opens: a free preview is open to anyone; for a learner, a lesson opens once its
 * drip has passed (N days after enrolment, or its date, from midnight UTC) and its prerequisite is completed (the lesson
 * before it in course order, or a lesson the creator chose). A completed lesson is done, whatever changed since.
 */
public final class LessonAccess {

    public enum State {
        DONE, OPEN, LOCKED
    }

    /** A lesson's state for one person; a locked lesson says until when, or which lesson it waits for. */
    public record LessonState(long lessonId, State state, Optional<Instant> opensAt, Optional<String> waitsFor) {

        public boolean isOpen() {
            return state != State.LOCKED;
        }
    }

    private LessonAccess() {
    }

    /** For a learner enrolled at {@code enrolledAt} who has completed {@code completed}. */
    public static Map<Long, LessonState> forLearner(PublishedCourse course, Instant enrolledAt, Set<Long> completed, Instant now) {
        Map<Long, LessonState> states = new LinkedHashMap<>();
        List<PublishedCourse.Lesson> lessons = course.lessons();
        for (int i = 0; i < lessons.size(); i++) {
            PublishedCourse.Lesson lesson = lessons.get(i);
            if (completed.contains(lesson.id())) {
                states.put(lesson.id(), new LessonState(lesson.id(), State.DONE, Optional.empty(), Optional.empty()));
                continue;
            }
            if (lesson.freePreview()) {
                states.put(lesson.id(), open(lesson));
                continue;
            }
            Optional<Instant> opensAt = dripEnds(lesson, enrolledAt).filter(now::isBefore);
            Optional<PublishedCourse.Lesson> waitsFor = prerequisite(course, lessons, i).filter(p -> !completed.contains(p.id()));
            states.put(lesson.id(), opensAt.isEmpty() && waitsFor.isEmpty() ? open(lesson)
                    : new LessonState(lesson.id(), State.LOCKED, opensAt, waitsFor.map(PublishedCourse.Lesson::title)));
        }
        return states;
    }

    /** For someone not enrolled: only the free previews open. */
    public static Map<Long, LessonState> forVisitor(PublishedCourse course) {
        Map<Long, LessonState> states = new LinkedHashMap<>();
        for (PublishedCourse.Lesson lesson : course.lessons()) {
            states.put(lesson.id(), lesson.freePreview() ? open(lesson)
                    : new LessonState(lesson.id(), State.LOCKED, Optional.empty(), Optional.empty()));
        }
        return states;
    }

    /** Whether the course's completion rule is met: every lesson, or every required one, done. */
    public static boolean completes(PublishedCourse course, Set<Long> completed) {
        return course.lessons().stream()
                .filter(lesson -> course.completionRule() == CompletionRule.ALL || lesson.required())
                .allMatch(lesson -> completed.contains(lesson.id()))
                && !course.lessons().isEmpty();
    }

    private static LessonState open(PublishedCourse.Lesson lesson) {
        return new LessonState(lesson.id(), State.OPEN, Optional.empty(), Optional.empty());
    }

    private static Optional<Instant> dripEnds(PublishedCourse.Lesson lesson, Instant enrolledAt) {
        if (lesson.dripDays().isPresent()) {
            return Optional.of(enrolledAt.plus(Duration.ofDays(lesson.dripDays().get())));
        }
        return lesson.dripOn().map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Optional<PublishedCourse.Lesson> prerequisite(PublishedCourse course, List<PublishedCourse.Lesson> lessons, int index) {
        PublishedCourse.Lesson lesson = lessons.get(index);
        return switch (lesson.prerequisite()) {
            case NONE -> Optional.empty();
            case PREVIOUS -> index == 0 ? Optional.empty() : Optional.of(lessons.get(index - 1));
            // A chosen lesson that was deleted since holds nothing back.
            case LESSON -> lesson.prerequisiteLessonId().flatMap(course::lesson);
        };
    }
}
