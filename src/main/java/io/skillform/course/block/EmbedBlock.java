package io.skillform.course.block;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video from YouTube or Vimeo, named by its address. Never raw HTML: only the video's id is kept, and the player is
 * the provider's privacy-friendly one (youtube-nocookie, Vimeo with do-not-track), loaded only when the learner opens
 * it — until then nothing is fetched from the provider.
 */
@ApplicationScoped
public class EmbedBlock implements BlockType {

    /** The providers allowed, each with how its addresses name a video and the player it is shown in. */
    private record Provider(String label, Pattern address, String player) {
    }

    private static final Map<String, Provider> PROVIDERS = Map.of(
            "youtube", new Provider("YouTube",
                    Pattern.compile("https://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|embed/|shorts/)|youtu\\.be/)"
                            + "([A-Za-z0-9_-]{11})(?:[?&#].*)?"),
                    "https://www.youtube-nocookie.com/embed/%s"),
            "vimeo", new Provider("Vimeo", Pattern.compile("https://(?:www\\.|player\\.)?vimeo\\.com/(?:video/)?([0-9]{1,12})(?:[/?#].*)?"),
                    "https://player.vimeo.com/video/%s?dnt=1"));

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public List<BlockField> fields() {
        return List.of(new BlockField("url", BlockField.Kind.URL, true), new BlockField("caption", BlockField.Kind.TEXT, false));
    }

    @Override
    public JsonObject validate(JsonObject content) {
        String url = content.getString("url", "").strip().replaceFirst("^http://", "https://");
        String caption = Captions.checked(content);
        for (Map.Entry<String, Provider> provider : PROVIDERS.entrySet()) {
            Matcher video = provider.getValue().address().matcher(url);
            if (video.matches()) {
                return Json.createObjectBuilder().add("url", URI.create(url).toString()).add("provider", provider.getKey())
                        .add("video", video.group(1)).add("caption", caption).build();
            }
        }
        throw new BlockException("url", "Paste the address of a YouTube or Vimeo video, like https://www.youtube.com/watch?v=…");
    }

    @Override
    public JsonObject learnerView(JsonObject content) {
        Provider provider = PROVIDERS.get(content.getString("provider"));
        return Json.createObjectBuilder()
                .add("provider", provider.label())
                .add("src", String.format(Locale.ROOT, provider.player(), content.getString("video")))
                .add("url", content.getString("url"))
                .add("caption", content.getString("caption", ""))
                .build();
    }

    @Override
    public String playerFragment() {
        return "/WEB-INF/blocks/embed-player.xhtml";
    }
}
