package io.skillform.mail;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Thin consumer of the mail queue: send, or record why not and let the broker retry. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.mail"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class MailListener implements MessageListener {

    @Inject
    private MailDelivery delivery;

    @Override
    public void onMessage(Message message) {
        long id;
        try {
            id = message.getBody(Long.class);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable mail message", e);
        }
        try {
            delivery.deliver(id);
        } catch (Exception e) {
            delivery.recordFailure(id, e.toString());
            throw new IllegalStateException("Sending outbox mail " + id + " failed; the broker will retry", e);
        }
    }
}
