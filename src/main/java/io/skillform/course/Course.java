package io.skillform.course;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A course's draft: its modules in order, each with its lessons in order, each with its blocks. The creator edits this;
 * learners take the latest {@link CourseRelease}, made from it when the creator publishes. Every change stamps
 * {@link #draftChangedAt()}, so the editor can say that there is something to publish.
 */
@Entity
@Table(name = "course")
public class Course {

    public static final int MAX_MODULES = 50;
    public static final int MAX_LESSONS = 500;

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "completion_rule", nullable = false, length = 16)
    private CompletionRule completionRule = CompletionRule.ALL;

    @Column(nullable = false)
    private boolean certificate;

    @Column(name = "draft_changed_at", nullable = false)
    private Instant draftChangedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "course", cascade = CascadeType.PERSIST)
    @OrderColumn(name = "position")
    private List<CourseModule> modules = new ArrayList<>();

    protected Course() {
        // for JPA
    }

    Course(long productId, Instant now) {
        this.productId = productId;
        this.draftChangedAt = Objects.requireNonNull(now, "now");
    }

    CourseModule addModule(String title, Instant now) {
        if (modules.size() >= MAX_MODULES) {
            throw new IllegalStateException("A course has at most " + MAX_MODULES + " modules");
        }
        CourseModule module = new CourseModule(this, title);
        modules.add(module);
        changed(now);
        return module;
    }

    /** Puts the module at {@code index} (0 first), the others keeping their order. */
    void moveModule(CourseModule module, int index, Instant now) {
        requireOwn(module);
        modules.remove(module);
        modules.add(Math.max(0, Math.min(index, modules.size())), module);
        changed(now);
    }

    /** Takes the module out of the course; the caller deletes it and its lessons. */
    void removeModule(CourseModule module, Instant now) {
        requireOwn(module);
        modules.remove(module);
        changed(now);
    }

    CourseLesson addLesson(CourseModule module, String title, Instant now) {
        requireOwn(module);
        if (lessons().size() >= MAX_LESSONS) {
            throw new IllegalStateException("A course has at most " + MAX_LESSONS + " lessons");
        }
        CourseLesson lesson = module.add(title);
        changed(now);
        return lesson;
    }

    /** Moves a lesson to {@code index} of a module (its own or another): the lesson keeps its id, and learners their progress. */
    void moveLesson(CourseLesson lesson, CourseModule to, int index, Instant now) {
        requireOwn(lesson.module());
        requireOwn(to);
        lesson.module().release(lesson); // nothing when the caller took it out already
        to.insert(lesson, index);
        changed(now);
    }

    void settle(CompletionRule rule, boolean withCertificate, Instant now) {
        this.completionRule = Objects.requireNonNull(rule, "rule");
        this.certificate = withCertificate;
        changed(now);
    }

    void changed(Instant now) {
        draftChangedAt = now;
    }

    private void requireOwn(CourseModule module) {
        if (!modules.contains(module)) {
            throw new IllegalArgumentException("This module is not part of the course");
        }
    }

    /** Every lesson, in course order. */
    public List<CourseLesson> lessons() {
        return modules.stream().flatMap(m -> m.lessons().stream()).toList();
    }

    public long productId() {
        return productId;
    }

    public List<CourseModule> modules() {
        return List.copyOf(modules);
    }

    public CompletionRule completionRule() {
        return completionRule;
    }

    public boolean certificate() {
        return certificate;
    }

    public Instant draftChangedAt() {
        return draftChangedAt;
    }
}
