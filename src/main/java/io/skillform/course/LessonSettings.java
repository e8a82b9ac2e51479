package io.skillform.course;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a lesson opens: as a free preview for anyone, after a drip (days after enrolment, or on a date), once a
 * prerequisite is completed; and whether the course's completion needs it.
 */
public record LessonSettings(String title, boolean freePreview, boolean required, Optional<Integer> dripDays,
                             Optional<LocalDate> dripOn, Prerequisite prerequisite, Optional<Long> prerequisiteLessonId) {

    public static final int MAX_DRIP_DAYS = 3650;

    public LessonSettings {
        dripDays = dripDays == null ? Optional.empty() : dripDays;
        dripOn = dripOn == null ? Optional.empty() : dripOn;
        prerequisiteLessonId = prerequisiteLessonId == null ? Optional.empty() : prerequisiteLessonId;
        prerequisite = prerequisite == null ? Prerequisite.NONE : prerequisite;
        if (dripDays.isPresent() && (dripDays.get() < 0 || dripDays.get() > MAX_DRIP_DAYS)) {
            throw new IllegalArgumentException("A lesson opens between 0 and " + MAX_DRIP_DAYS + " days after enrolment");
        }
        if (dripDays.isPresent() && dripOn.isPresent()) {
            throw new IllegalArgumentException("A lesson opens some days after enrolment or on a date, not both");
        }
        if (prerequisite == Prerequisite.LESSON && prerequisiteLessonId.isEmpty()) {
            throw new IllegalArgumentException("Choose the lesson that must be completed first");
        }
        if (prerequisite != Prerequisite.LESSON) {
            prerequisiteLessonId = Optional.empty();
        }
    }
}
