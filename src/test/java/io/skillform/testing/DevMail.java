package io.skillform.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mail the server sent, from its SMTP catcher at /dev/mail?format=json (newest first). */
public final class DevMail {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private DevMail() {
    }

    /** The newest mail to the address with the subject, waiting for it to arrive. */
    public static Optional<JsonObject> newest(String baseUrl, String to, String subject) throws InterruptedException {
        return Eventually.within(DELIVERY, () -> list(baseUrl).stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("to").equals(to) && m.getString("subject").equals(subject))
                .findFirst());
    }

    /** The site-relative path of the first link in the mail's text that leads to the given page. */
    public static String linkPath(JsonObject mail, String page) {
        Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(page) + "\\?token=[A-Za-z0-9_-]+)")
                .matcher(mail.getString("text"));
        if (!link.find()) {
            throw new AssertionError("no " + page + " link in: " + mail.getString("text"));
        }
        return link.group(1);
    }

    private static jakarta.json.JsonArray list(String baseUrl) {
        try {
            String json = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/mail?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return Json.createReader(new StringReader(json)).readArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
