package io.skillform.course;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A lesson of the draft: its settings and its blocks in order. Its id never changes: progress is kept against it. */
@Entity
@Table(name = "course_lesson")
public class CourseLesson {

    public static final int MAX_BLOCKS = 50;
    private static final int MAX_TITLE = 140;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "module_id", nullable = false)
    private CourseModule module;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "free_preview", nullable = false)
    private boolean freePreview;

    @Column(nullable = false)
    private boolean required = true;

    @Column(name = "drip_days")
    private Integer dripDays;

    @Column(name = "drip_on")
    private LocalDate dripOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Prerequisite prerequisite = Prerequisite.NONE;

    @Column(name = "prerequisite_lesson_id")
    private Long prerequisiteLessonId;

    @OneToMany(mappedBy = "lesson", cascade = CascadeType.PERSIST)
    @OrderColumn(name = "position")
    private List<LessonBlock> blocks = new ArrayList<>();

    protected CourseLesson() {
        // for JPA
    }

    CourseLesson(CourseModule module, String title) {
        this.module = module;
        this.title = requireTitle(title, "lesson");
    }

    static String requireTitle(String title, String what) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new IllegalArgumentException("Give the " + what + " a title of 1–" + MAX_TITLE + " characters");
        }
        return trimmed;
    }

    void settle(LessonSettings settings) {
        if (settings.prerequisiteLessonId().filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("A lesson cannot wait for itself");
        }
        title = requireTitle(settings.title(), "lesson");
        freePreview = settings.freePreview();
        required = settings.required();
        dripDays = settings.dripDays().orElse(null);
        dripOn = settings.dripOn().orElse(null);
        prerequisite = settings.prerequisite();
        prerequisiteLessonId = settings.prerequisiteLessonId().orElse(null);
    }

    void placeIn(CourseModule newModule) {
        this.module = newModule;
    }

    LessonBlock addBlock(String type, String content) {
        if (blocks.size() >= MAX_BLOCKS) {
            throw new IllegalStateException("A lesson has at most " + MAX_BLOCKS + " blocks; split it into two");
        }
        LessonBlock block = new LessonBlock(this, type, content);
        blocks.add(block);
        return block;
    }

    void moveBlock(LessonBlock block, int index) {
        requireOwn(block);
        blocks.remove(block);
        blocks.add(Math.max(0, Math.min(index, blocks.size())), block);
    }

    /** Takes the block out; the caller deletes it. */
    void removeBlock(LessonBlock block) {
        requireOwn(block);
        blocks.remove(block);
    }

    private void requireOwn(LessonBlock block) {
        if (!blocks.contains(block)) {
            throw new IllegalArgumentException("This block is not part of the lesson");
        }
    }

    public LessonSettings settings() {
        return new LessonSettings(title, freePreview, required, Optional.ofNullable(dripDays), Optional.ofNullable(dripOn),
                prerequisite, Optional.ofNullable(prerequisiteLessonId));
    }

    public Long id() {
        return id;
    }

    public CourseModule module() {
        return module;
    }

    public String title() {
        return title;
    }

    public boolean freePreview() {
        return freePreview;
    }

    public List<LessonBlock> blocks() {
        return List.copyOf(blocks);
    }
}
