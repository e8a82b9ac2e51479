package io.skillform.course.block;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A kind of lesson block: text, an embedded video, and — from the interactive modules — quizzes, design tests, code
 * challenges. The port through which the course knows blocks: a type is a CDI bean implementing this interface, and
 * the course code never names one.
 *
 * <p>A type declares its content as {@link #fields() fields} (the creator's editor renders them, as H5P's semantics
 * do), {@link #validate checks} what the creator gave before it is stored, decides what of it a learner's browser
 * may see ({@link #learnerView}: never an answer), and names the Facelets fragments that show it ({@link
 * #playerFragment}, and {@link #editorFragment} when the generic form does not fit). An interactive type grades on
 * the server ({@link #grader}).
 */
public interface BlockType {

    /** Stored with each block and used by the API: lower case, never changed once blocks of the type exist. */
    String name();

    /** The creator's name for it, from the message bundle ({@code block.<name>}). */
    default String labelKey() {
        return "block." + name();
    }

    /** The content's fields, in the editor's order. */
    List<BlockField> fields();

    /**
     * Checks and normalises a block's content (the fields' values as the creator sent them) before it is stored.
     *
     * @throws BlockException with a message for the creator, naming the field
     */
    JsonObject validate(JsonObject content);

    /**
     * What the learner's page and the API may show of the block, from its stored content: rendered, sanitised, without
     * what is for the server only (a quiz's answers).
     */
    JsonObject learnerView(JsonObject content);

    /** The player's fragment, included with {@code view} (the {@link #learnerView}) as a parameter. */
    String playerFragment();

    /** The editor's fragment; the generic form of {@link #fields()} unless a type needs its own (drawing on an image). */
    default String editorFragment() {
        return "/WEB-INF/blocks/fields-editor.xhtml";
    }

    /** How long the block takes a learner, for the curriculum's durations; 0 when it cannot say. */
    default int durationSeconds(JsonObject content) {
        return 0;
    }

    /** Interactive types grade a learner's submission on the server. */
    default Optional<BlockGrader> grader() {
        return Optional.empty();
    }
}
