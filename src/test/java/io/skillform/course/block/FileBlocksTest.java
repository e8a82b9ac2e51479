package io.skillform.course.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class FileBlocksTest {

    @Test
    void aVideoBlockKeepsItsFileByIdAndShowsOnlyItsCaption() {
        VideoBlock video = new VideoBlock();
        JsonObject stored = video.validate(Json.createObjectBuilder().add("video", " 42 ").add("caption", "Pairs").build());
        assertEquals("{\"video\":\"42\",\"caption\":\"Pairs\"}", stored.toString());
        // The file reaches the learner as a signed address the platform adds: never its id alone, nor its storage key.
        assertEquals("{\"caption\":\"Pairs\"}", video.learnerView(stored).toString());
    }

    @Test
    void aFileFieldNeedsAFileAndNamesItsField() {
        for (String value : new String[] {"", "0", "-3", "abc", "1e3", "99999999999999999999"}) {
            BlockException refused = assertThrows(BlockException.class,
                    () -> new FileBlock().validate(Json.createObjectBuilder().add("file", value).build()), value);
            assertEquals("file", refused.field());
        }
        assertThrows(BlockException.class, () -> new VideoBlock().validate(Json.createObjectBuilder().add("video", "7")
                .add("caption", "x".repeat(201)).build()));
    }

    @Test
    void aFieldTakesTheContentTypesItAccepts() {
        BlockField video = new VideoBlock().fields().get(0);
        assertTrue(video.accepts("video/webm"));
        assertFalse(video.accepts("application/pdf"));
        assertTrue(new FileBlock().fields().get(0).accepts("application/pdf"), "a file block takes any file");
        assertFalse(new BlockField("caption", BlockField.Kind.TEXT, false).accepts("text/plain"), "only file fields take files");
    }
}
