package io.skillform.course;

/** When a learner has completed a course: every lesson done, or only the lessons the creator marked required. */
public enum CompletionRule {
    ALL, REQUIRED
}
