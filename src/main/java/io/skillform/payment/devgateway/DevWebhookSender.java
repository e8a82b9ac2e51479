package io.skillform.payment.devgateway;

import com.stripe.net.Webhook;
import io.skillform.payment.PaymentProvider;
import io.skillform.payment.PaymentSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the dev gateway's events to the app's own webhook endpoint the way Stripe does: signed
 * ({@code Stripe-Signature: t=…,v1=HMAC-SHA256}), asynchronously, retried with back-off on failure, and now and
 * then twice. Undelivered events are not lost for good: reconciliation reads them from the gateway's event list.
 */
@ApplicationScoped
public class DevWebhookSender {

    private static final Logger LOG = Logger.getLogger(DevWebhookSender.class.getName());
    private static final long[] RETRY_SECONDS = {0, 1, 5, 25};

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private PaymentSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Schedules the delivery of one event (and, at the configured rate, a duplicate a moment later). */
    public void deliver(String payload) {
        attempt(payload, 0, 200);
        if (ThreadLocalRandom.current().nextDouble() < settings.devDuplicateRate()) {
            attempt(payload, 0, 700);
        }
    }

    private void attempt(String payload, int attempt, long delayMillis) {
        scheduler.schedule(() -> send(payload, attempt), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void send(String payload, int attempt) {
        int status;
        try {
            String signature = Webhook.Signature.generateSignatureHeader(payload,
                    settings.webhookSecret(PaymentProvider.DEV).orElseThrow());
            HttpRequest request = HttpRequest.newBuilder(endpoint())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (GeneralSecurityException | java.io.IOException e) {
            LOG.log(Level.WARNING, "Dev gateway webhook delivery failed (attempt " + (attempt + 1) + ")", e);
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status / 100 != 2 && attempt + 1 < RETRY_SECONDS.length) {
            attempt(payload, attempt + 1, TimeUnit.SECONDS.toMillis(RETRY_SECONDS[attempt + 1]));
        }
    }

    /**
     * The app itself, on the loopback address of this node's HTTP listener: the public base URL may point at a load
     * balancer or a name this machine cannot resolve.
     */
    private URI endpoint() {
        return URI.create(settings.devWebhookUrl().orElseGet(() -> "http://127.0.0.1:"
                + (Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0))
                + "/webhooks/" + PaymentProvider.DEV.webhookPath()));
    }
}
