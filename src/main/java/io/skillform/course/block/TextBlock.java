package io.skillform.course.block;

import io.skillform.catalog.Markdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** Text in Markdown, rendered and sanitised as product descriptions are: no script a creator writes ever runs. */
@ApplicationScoped
public class TextBlock implements BlockType {

    static final int MAX_LENGTH = 50_000;
    /** A reading pace for durations: words per minute. */
    private static final int READING_PACE = 200;

    @Override
    public String name() {
        return "text";
    }

    @Override
    public List<BlockField> fields() {
        return List.of(new BlockField("markdown", BlockField.Kind.MARKDOWN, true));
    }

    @Override
    public JsonObject validate(JsonObject content) {
        String markdown = content.getString("markdown", "").strip();
        if (markdown.isEmpty()) {
            throw new BlockException("markdown", "Write the text of this block");
        }
        if (markdown.length() > MAX_LENGTH) {
            throw new BlockException("markdown", "A text block is at most " + MAX_LENGTH + " characters; split it into two");
        }
        return Json.createObjectBuilder().add("markdown", markdown).build();
    }

    @Override
    public JsonObject learnerView(JsonObject content) {
        return Json.createObjectBuilder().add("html", Markdown.toSafeHtml(content.getString("markdown"))).build();
    }

    @Override
    public String playerFragment() {
        return "/WEB-INF/blocks/text-player.xhtml";
    }

    @Override
    public int durationSeconds(JsonObject content) {
        int words = content.getString("markdown").split("\\s+").length;
        return Math.max(1, words * 60 / READING_PACE);
    }
}
