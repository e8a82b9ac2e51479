package io.skillform.course.block;

/**
 * One field of a block type's content, for the generic editor: its name in the content's JSON, its label's key in
 * the message bundle, what kind of input it is, whether the block needs it, and — for a file — the content types it
 * takes ({@code accept}: a prefix such as {@code video/}, empty for any).
 */
public record BlockField(String name, Kind kind, boolean required, String accept) {

    public enum Kind {
        /** A line of text. */
        TEXT,
        /** Markdown, rendered and sanitised as product descriptions are. */
        MARKDOWN,
        /** A web address. */
        URL,
        /**
         * A file of the course shown in the page (a video, an image): the content holds the file's id; the player and the
         * API give the learner a short-lived signed address that streams it, with ranges, and only while the lesson is
         * open to them.
         */
        MEDIA,
        /**
         * A file of the course the learner downloads, drawing on their purchase's downloads of it as every download does;
         * only while the lesson is open to them.
         */
        ATTACHMENT;

        public boolean isFile() {
            return this == MEDIA || this == ATTACHMENT;
        }
    }

    public BlockField(String name, Kind kind, boolean required) {
        this(name, kind, required, "");
    }

    public String labelKey() {
        return "block.field." + name;
    }

    /** Whether a file of this content type may fill the field. */
    public boolean accepts(String contentType) {
        return kind.isFile() && contentType.startsWith(accept);
    }
}
