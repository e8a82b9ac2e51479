package io.skillform.course.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EmbedBlockTest {

    private final EmbedBlock embed = new EmbedBlock();

    private JsonObject shown(String url) {
        return embed.learnerView(embed.validate(Json.createObjectBuilder().add("url", url).build()));
    }

    @Test
    void youTubeAndVimeoAddressesBecomeTheirPrivacyFriendlyPlayers() {
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", shown("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42").getString("src"));
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", shown("https://youtu.be/dQw4w9WgXcQ").getString("src"));
        assertEquals("https://player.vimeo.com/video/76979871?dnt=1", shown("http://vimeo.com/76979871").getString("src"));
    }

    @Test
    void anythingElseIsRefusedAtItsField() {
        for (String url : new String[] {"https://evil.example/watch?v=dQw4w9WgXcQ", "javascript:alert(1)",
                "<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>", "https://www.youtube.com/watch?v=short"}) {
            BlockException refused = assertThrows(BlockException.class,
                    () -> embed.validate(Json.createObjectBuilder().add("url", url).build()), url);
            assertEquals("url", refused.field());
        }
    }

    @Test
    void textIsRenderedSanitised() {
        TextBlock text = new TextBlock();
        JsonObject view = text.learnerView(text.validate(Json.createObjectBuilder().add("markdown", "**Hi** <script>x()</script>").build()));
        assertEquals("<p><strong>Hi</strong> &lt;script&gt;x()&lt;/script&gt;</p>\n", view.getString("html"));
        assertThrows(BlockException.class, () -> text.validate(Json.createObjectBuilder().add("markdown", "  ").build()));
    }
}
