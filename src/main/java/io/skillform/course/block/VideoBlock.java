package io.skillform.course.block;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A video the creator uploaded, played by the browser's own {@code <video>} from a short-lived signed address that
 * honours ranges (seeking). The player saves the position every few seconds and resumes it; the lesson is completed
 * once 90% of the video has been played (or by the button).
 */
@ApplicationScoped
public class VideoBlock implements BlockType {

    private static final BlockField VIDEO = new BlockField("video", BlockField.Kind.MEDIA, true, "video/");
    private static final BlockField CAPTION = new BlockField("caption", BlockField.Kind.TEXT, false);

    @Override
    public String name() {
        return "video";
    }

    @Override
    public List<BlockField> fields() {
        return List.of(VIDEO, CAPTION);
    }

    @Override
    public JsonObject validate(JsonObject content) {
        JsonObjectBuilder checked = Json.createObjectBuilder();
        FileFields.copy(content, VIDEO, checked, "Choose the video file to upload (MP4 or WebM plays everywhere)");
        return checked.add("caption", Captions.checked(content)).build();
    }

    /** The file itself is added by the platform, as a signed address, to the learner's view under {@code video}. */
    @Override
    public JsonObject learnerView(JsonObject content) {
        return Json.createObjectBuilder().add("caption", content.getString("caption", "")).build();
    }

    @Override
    public String playerFragment() {
        return "/WEB-INF/blocks/video-player.xhtml";
    }
}
