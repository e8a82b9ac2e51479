package io.skillform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The back-off between attempts, and what a delivery and its endpoint make of failures. */
class WebhookRetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theDefaultSpreadsEightAttemptsOverAboutADay() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);
        assertEquals(7, schedule.retries());
        assertEquals(Duration.ofHours(23).plusMinutes(35).plusSeconds(5), schedule.span());
        List<Duration> waits = new ArrayList<>();
        for (int left = schedule.retries(); left > 0; left--) {
            waits.add(schedule.waitBefore(left));
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(6)), waits);
    }

    @Test
    void aBadScheduleIsRefusedWithTheSettingsName() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5s,PT5M"));
        assertTrue(bad.getMessage().startsWith("skillform.webhooks.retry-schedule is ISO-8601 durations"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S"));
    }

    @Test
    void aFailingDeliveryIsRetriedOnTheScheduleThenAbandoned() {
        RetrySchedule schedule = RetrySchedule.parse("PT5S,PT5M");
        WebhookEvent event = new WebhookEvent(1, WebhookEventType.ORDER_PAID, "order:abc", "{}", T0);
        WebhookDelivery delivery = new WebhookDelivery(event, 1, schedule.retries(), T0, WebhookQueue.QUEUED);
        assertTrue(delivery.isDue(T0));

        delivery.claim(T0, DeliveryRecords.CLAIM);
        assertEquals(WebhookDelivery.State.SENDING, delivery.state());
        assertThrows(IllegalStateException.class, () -> delivery.claim(T0, DeliveryRecords.CLAIM), "claimed once");
        delivery.failed(Attempt.answered(T0, 500, Duration.ofMillis(12), "oops"), schedule);
        assertEquals(WebhookDelivery.State.FAILED, delivery.state());
        assertEquals(Optional.of(T0.plusSeconds(5)), delivery.nextAttemptAt());
        assertEquals(Optional.of(500), delivery.lastStatusCode());
        assertEquals(Optional.of(12L), delivery.lastLatencyMs());

        Instant t1 = T0.plusSeconds(5);
        delivery.claim(t1, DeliveryRecords.CLAIM);
        delivery.failed(Attempt.unanswered(t1, Duration.ofSeconds(10), "No answer within 10 s"), schedule);
        assertEquals(Optional.of(t1.plus(Duration.ofMinutes(5))), delivery.nextAttemptAt());

        Instant t2 = t1.plus(Duration.ofMinutes(5));
        delivery.claim(t2, DeliveryRecords.CLAIM);
        delivery.failed(Attempt.answered(t2, 302, Duration.ofMillis(3), ""), schedule);
        assertEquals(WebhookDelivery.State.ABANDONED, delivery.state(), "no retry left");
        assertEquals(3, delivery.attempts());
        assertEquals(Optional.of("HTTP 302"), delivery.lastError(), "a redirect is not a success");

        delivery.sendAgain(t2.plusSeconds(60), WebhookQueue.QUEUED);
        assertThrows(IllegalStateException.class, () -> delivery.sendAgain(t2.plusSeconds(61), WebhookQueue.QUEUED),
                "queued already: a second click sends nothing more");
        delivery.claim(t2.plusSeconds(60), DeliveryRecords.CLAIM);
        delivery.succeeded(Attempt.answered(t2.plusSeconds(60), 204, Duration.ofMillis(4), ""));
        assertEquals(WebhookDelivery.State.SUCCEEDED, delivery.state());
        assertEquals(Optional.empty(), delivery.nextAttemptAt());
    }

    @Test
    void anEndpointIsDisabledOnlyAfterEnoughFailuresOverEnoughTimeAndASuccessStartsTheCountAgain() {
        DisablePolicy policy = new DisablePolicy(3, Duration.ofHours(1));
        WebhookEndpoint endpoint = endpoint();
        assertEquals(false, endpoint.failed(policy, T0));
        assertEquals(false, endpoint.failed(policy, T0.plusSeconds(1)));
        assertEquals(false, endpoint.failed(policy, T0.plusSeconds(2)), "three in a row, but within minutes");
        endpoint.succeeded();
        assertEquals(0, endpoint.consecutiveFailures());
        assertEquals(false, endpoint.failed(policy, T0.plus(Duration.ofHours(1))));
        assertEquals(false, endpoint.failed(policy, T0.plus(Duration.ofHours(2))));
        assertEquals(true, endpoint.failed(policy, T0.plus(Duration.ofHours(3))));
        assertEquals(WebhookEndpoint.Status.DISABLED, endpoint.status());
        assertTrue(endpoint.disabledReason().orElseThrow().contains("3 in a row"), endpoint.disabledReason().orElseThrow());
        assertEquals(false, endpoint.failed(policy, T0.plus(Duration.ofHours(4))), "disabled once");
        endpoint.enable();
        assertEquals(WebhookEndpoint.Status.ENABLED, endpoint.status());
        assertEquals(0, endpoint.consecutiveFailures());
    }

    @Test
    void anEndpointRefusesNoEventsTheTestEventAndAnUnknownType() {
        EndpointUrl url = EndpointUrl.parse("https://hooks.example.com/");
        assertEquals("Choose at least one event to send.", assertThrows(IllegalArgumentException.class,
                () -> new WebhookEndpoint(1, url, null, List.of(), WebhookSecret.generate(), T0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookEndpoint(1, url, null, List.of(WebhookEventType.WEBHOOK_TEST), WebhookSecret.generate(), T0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> WebhookEventType.parse("order.shipped"));
        assertTrue(unknown.getMessage().startsWith("Unknown event type \"order.shipped\"; known types: order.paid, "), unknown.getMessage());
    }

    private static WebhookEndpoint endpoint() {
        return new WebhookEndpoint(1, EndpointUrl.parse("https://hooks.example.com/"), "Shop", List.of(WebhookEventType.ORDER_PAID),
                WebhookSecret.generate(), T0);
    }
}
