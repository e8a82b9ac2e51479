package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.delivery.GuestLibrary;
import io.skillform.identity.CurrentAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The library's courses: each with its progress and the way into the player ({@code #{myCourses.entries}}). */
@Named
@RequestScoped
public class MyCourses {

    /** A course in the library: ended ones say why, like a refunded purchase's files. */
    public record Entry(long productId, String title, String storeName, int lessons, int done, boolean completed,
                        Optional<String> endedBecause) {

        public int percent() {
            return lessons == 0 ? 0 : done * 100 / lessons;
        }
    }

    @Inject
    private Enrolments enrolments;

    @Inject
    private Curricula curricula;

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    @Inject
    private GuestLibrary guest;

    private List<Entry> entries;

    public List<Entry> getEntries() {
        if (entries == null) {
            entries = load();
        }
        return entries;
    }

    private List<Entry> load() {
        Optional<Learner> learner = me.isLoggedIn() ? Optional.of(Learner.account(me.requireId(), me.verifiedEmail()))
                : guest.email().map(Learner::guest);
        if (learner.isEmpty()) {
            return List.of();
        }
        List<Enrolment> taken = enrolments.of(learner.get());
        Map<Long, Set<Long>> completed = enrolments.completedLessons(taken.stream().map(Enrolment::id).toList());
        List<Entry> found = new ArrayList<>();
        for (Enrolment enrolment : taken) {
            Optional<Product> product = catalog.find(enrolment.productId());
            Optional<PublishedCourse> course = curricula.latestRelease(enrolment.productId()).map(CourseRelease::course);
            if (product.isEmpty() || course.isEmpty()) {
                continue;
            }
            Set<Long> done = completed.getOrDefault(enrolment.id(), Set.of());
            int doneHere = (int) course.get().lessons().stream().filter(l -> done.contains(l.id())).count();
            found.add(new Entry(product.get().id(), product.get().title(), product.get().store().displayName(),
                    course.get().lessons().size(), doneHere, enrolment.completedAt().isPresent(), enrolment.endedReason()));
        }
        return found;
    }
}
