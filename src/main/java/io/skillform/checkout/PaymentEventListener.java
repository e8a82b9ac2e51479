package io.skillform.checkout;

import io.skillform.payment.PaymentEventInbox;
import io.skillform.platform.IdMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * Thin consumer of the payments queue. A failure rolls the message back: the broker redelivers it with back-off
 * and, after its last attempt, moves it to the dead-letter queue, where the admin payments page shows it.
 * As many sessions as HTTP requests run at once under load: the CPU is shared per busy thread, and with a few
 * sessions only, a crowd of buyers kept applying their payments at a tenth of the rate they paid (the chaos run:
 * 3 events/s applied while 20/s arrived, with 4 sessions). Concurrent events of one store meet on its ledger
 * accounts, which {@link OrderPayments} locks last.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16"),
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
