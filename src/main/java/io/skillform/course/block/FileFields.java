package io.skillform.course.block;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/** Reading and checking a file field's value in a block's content: the id of one of the course's files, as text. */
public final class FileFields {

    private FileFields() {
    }

    /** The file a field names, if it names one. */
    public static Optional<Long> fileId(JsonObject content, String field) {
        return id(content.getString(field, ""));
    }

    /** A file field's value as the form holds it, if it names a file. */
    public static Optional<Long> id(String value) {
        if (value == null || !value.strip().matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.strip()));
    }

    /**
     * Copies a file field into checked content: the platform then checks that the file is the course's own and of an
     * accepted type.
     *
     * @throws BlockException when a required file is missing
     */
    static void copy(JsonObject content, BlockField field, JsonObjectBuilder checked, String missing) {
        Optional<Long> id = fileId(content, field.name());
        if (id.isEmpty() && field.required()) {
            throw new BlockException(field.name(), missing);
        }
        id.ifPresent(file -> checked.add(field.name(), Long.toString(file)));
    }
}
