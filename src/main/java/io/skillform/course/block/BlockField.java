package io.skillform.course.block;

/**
 * One field of a block type's content, for the generic editor: its name in the content's JSON, its label's key in
 * the message bundle, what kind of input it is, and whether the block needs it.
 */
public record BlockField(String name, Kind kind, boolean required) {

    public enum Kind {
        /** A line of text. */
        TEXT,
        /** Markdown, rendered and sanitised as product descriptions are. */
        MARKDOWN,
        /** A web address. */
        URL
    }

    public String labelKey() {
        return "block.field." + name;
    }
}
