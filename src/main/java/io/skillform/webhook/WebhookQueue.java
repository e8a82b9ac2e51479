package io.skillform.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts deliveries on the {@code skillform.webhooks} queue, in the caller's transaction: the message leaves only if the
 * delivery's row commits. A queued delivery is marked so the sweep does not queue it a second time meanwhile.
 */
@Dependent
class WebhookQueue {

    /** How long a queued delivery is left to its message before the sweep queues it again. */
    static final Duration QUEUED = Duration.ofMinutes(1);

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/skillform.webhooks")
    private Queue queue;

    void send(WebhookDelivery delivery, Instant now) {
        delivery.queued(now, QUEUED);
        jms.createProducer().send(queue, delivery.id());
    }
}
