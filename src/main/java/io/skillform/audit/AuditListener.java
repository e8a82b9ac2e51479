package io.skillform.audit;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Thin consumer of the audit queue: unpack, append, and let any failure propagate so that the broker
 * redelivers with back-off and finally dead-letters the message (see wildfly-config/configure-server.cli).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.audit"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class AuditListener implements MessageListener {

    @Inject
    private AuditLog auditLog;

    @Override
    public void onMessage(Message message) {
        try {
            auditLog.append(AuditEntry.fromJson(message.getBody(String.class)));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable audit message", e);
        }
    }
}
