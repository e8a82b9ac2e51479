package io.skillform.course;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * A course's curriculum on its product page ({@code #{courseOutline.of(product.id())}}): modules and lesson titles,
 * durations, which lessons are free previews — never a lesson's content.
 */
@Named
@RequestScoped
public class CourseOutline {

    @Inject
    private Curricula curricula;

    private Optional<PublishedCourse> course;

    public Optional<PublishedCourse> of(long productId) {
        if (course == null) {
            course = curricula.latestRelease(productId).map(CourseRelease::course);
        }
        return course;
    }

    /** "12 min" for a lesson's or the course's duration; empty below a minute. */
    public String minutes(int seconds) {
        return seconds < 60 ? "" : (seconds + 30) / 60 + " min";
    }
}
