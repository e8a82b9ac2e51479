package io.skillform.course;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A section of a course: a title and its lessons in order. */
@Entity
@Table(name = "course_module")
public class CourseModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false, length = 140)
    private String title;

    @OneToMany(mappedBy = "module", cascade = CascadeType.PERSIST)
    @OrderColumn(name = "position")
    private List<CourseLesson> lessons = new ArrayList<>();

    protected CourseModule() {
        // for JPA
    }

    CourseModule(Course course, String title) {
        this.course = course;
        rename(title);
    }

    void rename(String newTitle) {
        this.title = CourseLesson.requireTitle(newTitle, "module");
    }

    CourseLesson add(String lessonTitle) {
        CourseLesson lesson = new CourseLesson(this, lessonTitle);
        lessons.add(lesson);
        return lesson;
    }

    void release(CourseLesson lesson) {
        lessons.remove(lesson);
    }

    void insert(CourseLesson lesson, int index) {
        lessons.add(Math.max(0, Math.min(index, lessons.size())), lesson);
        lesson.placeIn(this);
    }

    public Long id() {
        return id;
    }

    public Course course() {
        return course;
    }

    public String title() {
        return title;
    }

    public List<CourseLesson> lessons() {
        return List.copyOf(lessons);
    }
}
