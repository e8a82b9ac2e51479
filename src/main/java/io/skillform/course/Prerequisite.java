package io.skillform.course;

/** What a lesson waits for besides its drip date: nothing, the lesson before it, or a lesson the creator chose. */
public enum Prerequisite {
    NONE, PREVIOUS, LESSON
}
