package io.skillform.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts one signed attempt: the URL checked again first, 10 s to connect and 10 s for the answer, redirects not
 * followed (a redirect could lead anywhere the check did not look, so it counts as a failure), and no more of the
 * answer read than the log keeps.
 */
@ApplicationScoped
class WebhookClient {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    private WebhookSettings settings;

    @Inject
    private Clock clock;

    private HttpClient http;

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Attempt post(Send send) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        try {
            settings.guard().check(send.url());
        } catch (IllegalArgumentException refused) {
            return Attempt.unanswered(at, Duration.ZERO, "Not sent: " + refused.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(send.url().uri())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "SkillForm-Webhooks/1")
                .header("webhook-id", send.messageId())
                .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("webhook-signature", WebhookSignature.header(send.messageId(), at.getEpochSecond(), send.body(), send.secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(send.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(Attempt.MAX_BODY), StandardCharsets.UTF_8);
            }
            return Attempt.answered(at, response.statusCode(), since(started), body);
        } catch (HttpTimeoutException e) {
            return Attempt.unanswered(at, since(started), "No answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Attempt.unanswered(at, since(started), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.unanswered(at, since(started), "Interrupted (the server is stopping)");
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
