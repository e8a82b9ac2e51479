package io.skillform.webhook;

import io.skillform.platform.IdMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Thin consumer of the webhook queue. No transaction around the message: the attempt makes its own short ones, and a
 * receiver's failure is an outcome recorded on the delivery (retried on the schedule), not an exception. Only our own
 * failures reach the broker, which redelivers; a delivery left claimed is taken up again when its claim lapses.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.webhooks"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookListener extends IdMessageListener {

    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());

    @Inject
    private WebhookDispatch dispatch;

    @Override
    protected void handle(long deliveryId) {
        dispatch.deliver(deliveryId);
    }

    @Override
    protected void recordFailure(long deliveryId, String error) {
        LOG.warning(() -> "Webhook delivery " + deliveryId + " failed here, not at the receiver: " + error);
    }
}
