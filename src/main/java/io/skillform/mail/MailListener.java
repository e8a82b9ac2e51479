package io.skillform.mail;

import io.skillform.platform.IdMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

/**
 * Thin consumer of the mail queue: send, or record why not and let the broker retry. Few sessions: under a burst a
 * receipt may wait a little, the payment it follows must not — mail would otherwise take the CPU payments need.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.mail"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class MailListener extends IdMessageListener {

    @Inject
    private MailDelivery delivery;

    @Override
    protected void handle(long outboundMailId) throws MessagingException {
        delivery.deliver(outboundMailId);
    }

    @Override
    protected void recordFailure(long outboundMailId, String error) {
        delivery.recordFailure(outboundMailId, error);
    }
}
