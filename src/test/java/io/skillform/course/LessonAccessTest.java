package io.skillform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.course.LessonAccess.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LessonAccessTest {

    private static final Instant ENROLLED = Instant.parse("2026-12-01T10:00:00Z");

    private static PublishedCourse.Lesson lesson(long id, boolean preview, boolean required, Optional<Integer> dripDays,
                                                 Optional<LocalDate> dripOn, Prerequisite prerequisite, Optional<Long> after) {
        return new PublishedCourse.Lesson(id, "Lesson " + id, preview, required, dripDays, dripOn, prerequisite, after, 60, List.of());
    }

    private static PublishedCourse course(CompletionRule rule, PublishedCourse.Lesson... lessons) {
        return new PublishedCourse(9, 1, ENROLLED, rule, false,
                List.of(new PublishedCourse.Module(1, "One", List.of(lessons[0], lessons[1])),
                        new PublishedCourse.Module(2, "Two", List.of(lessons).subList(2, lessons.length))));
    }

    private final PublishedCourse course = course(CompletionRule.ALL,
            lesson(1, true, true, Optional.empty(), Optional.empty(), Prerequisite.NONE, Optional.empty()),
            lesson(2, false, true, Optional.empty(), Optional.empty(), Prerequisite.PREVIOUS, Optional.empty()),
            lesson(3, false, false, Optional.of(7), Optional.empty(), Prerequisite.NONE, Optional.empty()),
            lesson(4, false, true, Optional.empty(), Optional.of(LocalDate.parse("2027-01-15")), Prerequisite.LESSON, Optional.of(2L)));

    @Test
    void aLessonWaitsForTheOneBeforeItAndOpensOnceThatIsDone() {
        Map<Long, LessonAccess.LessonState> states = LessonAccess.forLearner(course, ENROLLED, Set.of(), ENROLLED);
        assertEquals(State.OPEN, states.get(1L).state());
        assertEquals(State.LOCKED, states.get(2L).state());
        assertEquals(Optional.of("Lesson 1"), states.get(2L).waitsFor());
        assertEquals(State.OPEN, LessonAccess.forLearner(course, ENROLLED, Set.of(1L), ENROLLED).get(2L).state());
        assertEquals(State.DONE, LessonAccess.forLearner(course, ENROLLED, Set.of(1L), ENROLLED).get(1L).state());
    }

    @Test
    void aDrippedLessonOpensItsDaysAfterEnrolmentOrOnItsDateAtMidnightUtc() {
        LessonAccess.LessonState week = LessonAccess.forLearner(course, ENROLLED, Set.of(), ENROLLED.plus(Duration.ofDays(6))).get(3L);
        assertEquals(State.LOCKED, week.state());
        assertEquals(Optional.of(ENROLLED.plus(Duration.ofDays(7))), week.opensAt());
        assertEquals(State.OPEN, LessonAccess.forLearner(course, ENROLLED, Set.of(), ENROLLED.plus(Duration.ofDays(7))).get(3L).state());

        Instant dayBefore = Instant.parse("2027-01-14T23:59:59Z");
        LessonAccess.LessonState dated = LessonAccess.forLearner(course, ENROLLED, Set.of(2L), dayBefore).get(4L);
        assertEquals(Optional.of(Instant.parse("2027-01-15T00:00:00Z")), dated.opensAt(), "the date first, then its prerequisite");
        assertEquals(State.OPEN, LessonAccess.forLearner(course, ENROLLED, Set.of(2L), Instant.parse("2027-01-15T00:00:00Z")).get(4L).state());
        assertEquals(Optional.of("Lesson 2"),
                LessonAccess.forLearner(course, ENROLLED, Set.of(), Instant.parse("2027-02-01T00:00:00Z")).get(4L).waitsFor(),
                "a chosen lesson held back");
    }

    @Test
    void aVisitorOpensOnlyTheFreePreviews() {
        Map<Long, LessonAccess.LessonState> states = LessonAccess.forVisitor(course);
        assertTrue(states.get(1L).isOpen());
        assertFalse(states.get(2L).isOpen() || states.get(3L).isOpen() || states.get(4L).isOpen());
    }

    @Test
    void theCourseIsCompletedByItsRule() {
        assertFalse(LessonAccess.completes(course, Set.of(1L, 2L, 4L)), "every lesson, the optional one too");
        assertTrue(LessonAccess.completes(course, Set.of(1L, 2L, 3L, 4L)));
        PublishedCourse requiredOnly = new PublishedCourse(9, 1, ENROLLED, CompletionRule.REQUIRED, false, course.modules());
        assertTrue(LessonAccess.completes(requiredOnly, Set.of(1L, 2L, 4L)), "lesson 3 is not required");
        assertFalse(LessonAccess.completes(requiredOnly, Set.of(1L, 2L)));
    }

    @Test
    void aReleaseReadsBackAsItWasWritten() {
        PublishedCourse read = PublishedCourse.parse(9, 1, ENROLLED, course.json());
        assertEquals(course, read);
        assertEquals(Optional.of(3L), read.neighbour(2, 1).map(PublishedCourse.Lesson::id), "across modules");
        assertEquals(Optional.empty(), read.neighbour(1, -1));
    }
}
