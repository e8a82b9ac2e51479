package io.skillform.course.block;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A file to download from the lesson (a worksheet, the example project): downloaded as products' files are, drawing on
 * the learner's purchase's downloads of it, and only while the lesson is open to them.
 */
@ApplicationScoped
public class FileBlock implements BlockType {

    private static final BlockField FILE = new BlockField("file", BlockField.Kind.ATTACHMENT, true);
    private static final BlockField CAPTION = new BlockField("caption", BlockField.Kind.TEXT, false);

    @Override
    public String name() {
        return "file";
    }

    @Override
    public List<BlockField> fields() {
        return List.of(FILE, CAPTION);
    }

    @Override
    public JsonObject validate(JsonObject content) {
        JsonObjectBuilder checked = Json.createObjectBuilder();
        FileFields.copy(content, FILE, checked, "Choose the file to upload");
        return checked.add("caption", Captions.checked(content)).build();
    }

    /** The file's name, size and how to download it are added by the platform under {@code file}. */
    @Override
    public JsonObject learnerView(JsonObject content) {
        return Json.createObjectBuilder().add("caption", content.getString("caption", "")).build();
    }

    @Override
    public String playerFragment() {
        return "/WEB-INF/blocks/file-player.xhtml";
    }
}
