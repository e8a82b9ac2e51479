package io.skillform.course.block;

import jakarta.json.JsonObject;

/** A block's optional caption: one line under what it shows. */
final class Captions {

    static final int MAX_LENGTH = 200;

    private Captions() {
    }

    static String checked(JsonObject content) {
        String caption = content.getString("caption", "").strip();
        if (caption.length() > MAX_LENGTH) {
            throw new BlockException("caption", "A caption is at most " + MAX_LENGTH + " characters");
        }
        return caption;
    }
}
