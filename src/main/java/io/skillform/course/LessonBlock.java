package io.skillform.course;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.StringReader;

/** A block of a lesson: its type's name and its content, JSON the type checked when it was saved. */
@Entity
@Table(name = "lesson_block")
public class LessonBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lesson_id", nullable = false, updatable = false)
    private CourseLesson lesson;

    @Column(nullable = false, length = 40, updatable = false)
    private String type;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String content;

    protected LessonBlock() {
        // for JPA
    }

    LessonBlock(CourseLesson lesson, String type, String content) {
        this.lesson = lesson;
        this.type = type;
        this.content = content;
    }

    void replace(String newContent) {
        this.content = newContent;
    }

    public Long id() {
        return id;
    }

    public CourseLesson lesson() {
        return lesson;
    }

    public String type() {
        return type;
    }

    public JsonObject content() {
        try (var reader = Json.createReader(new StringReader(content))) {
            return reader.readObject();
        }
    }
}
