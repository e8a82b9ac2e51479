package io.skillform.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts one signed attempt: the URL checked again first, 10 s to connect, 10 s for the answer's headers and 10 s to read
 * what the log keeps of its body (no more of it is read), redirects not followed (a redirect could lead anywhere the
 * check did not look, so it counts as a failure).
 */
@ApplicationScoped
class WebhookClient {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    private WebhookSettings settings;

    @Inject
    private Clock clock;

    @Resource
    private ManagedScheduledExecutorService timer;

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
            // The request's timeout ends with the answer's headers: a receiver that then trickles its body would hold
            // this thread for good. The stream is closed at the deadline, which ends the read.
            try (InputStream in = response.body()) {
                ScheduledFuture<?> cutoff = timer.schedule(() -> close(in), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    body = new String(in.readNBytes(Attempt.MAX_BODY), StandardCharsets.UTF_8);
                } finally {
                    cutoff.cancel(false);
                }
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

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException alreadyBroken) {
            // the read fails either way, which is all the cut-off is for
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
