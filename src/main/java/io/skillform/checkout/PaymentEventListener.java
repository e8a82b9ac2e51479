package io.skillform.checkout;

import io.skillform.payment.PaymentEventInbox;
import io.skillform.platform.IdMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * Thin consumer of the payments queue. A failure rolls the message back: the broker redelivers it with back-off
 * and, after its last attempt, moves it to the dead-letter queue, where the admin payments page shows it.
 * A few sessions only: webhook acknowledgement must stay fast under a burst, and the queue absorbs the burst
 * (applying an event costs more CPU than receiving it).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/skillform.payments"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class PaymentEventListener extends IdMessageListener {

    @Inject
    private OrderPayments payments;

    @Inject
    private PaymentEventInbox inbox;

    @Override
    protected void handle(long paymentEventId) {
        payments.process(paymentEventId);
    }

    @Override
    protected void recordFailure(long paymentEventId, String error) {
        inbox.recordFailure(paymentEventId, error);
    }
}
