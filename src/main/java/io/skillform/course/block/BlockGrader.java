package io.skillform.course.block;

import jakarta.json.JsonObject;

/**
 * Grades a learner's submission to an interactive block on the server, against the block's stored content (which holds
 * what the learner's browser never sees).
 */
public interface BlockGrader {

    /** The outcome of one submission: a score from 0 to max, whether it passes, and what the learner may see now. */
    record Grade(int score, int max, boolean passed, JsonObject feedback) {
    }

    Grade grade(JsonObject content, JsonObject submission);
}
