package io.skillform.checkout;

import io.skillform.payment.PaymentEventInbox;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Thin consumer of the payments queue. A failure rolls the message back: the broker redelivers it with back-off
 * and, after its last attempt, moves it to the dead-letter queue, where the admin payments page shows it.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.payments"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class PaymentEventListener implements MessageListener {

    @Inject
    private OrderPayments payments;

    @Inject
    private PaymentEventInbox inbox;

    @Override
    public void onMessage(Message message) {
        long id;
        try {
            id = message.getBody(Long.class);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable payments message", e);
        }
        try {
            payments.process(id);
        } catch (RuntimeException e) {
            inbox.recordFailure(id, rootMessage(e));
            throw new IllegalStateException("Processing payment event " + id + " failed; the broker will retry", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
