package io.skillform.checkout;

import io.skillform.payment.GatewayException;
import io.skillform.payment.PaymentGateway;
import io.skillform.payment.PaymentGateways;
import io.skillform.payment.RefundRequest;
import io.skillform.payment.RefundResult;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refunds, asked by the order's creator or an admin. The request is recorded, then sent to the PSP with the
 * refund's idempotency key (outside any transaction), and the order's refunded total changes only with the
 * PSP's confirmation — its answer now, or its charge.refunded event later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

    @Inject
    private Orders orders;

    @Inject
    private RefundRecords records;

    @Inject
    private PaymentGateways gateways;

    /**
     * @param actorId the signed-in account: the order's store owner, or an admin
     * @throws CheckoutException with a message for the person asking
     */
    public Refund refund(long actorId, long orderId, Money amount) {
        Order order = orders.managedBy(actorId, orderId);
        PaymentGateway gateway = gateways.of(order.gateway())
                .orElseThrow(() -> new CheckoutException("This order's payment provider is not configured on this server."));
        String paymentIntent = order.pspPaymentIntent()
                .orElseThrow(() -> new CheckoutException("Only a paid order can be refunded."));
        Refund refund = records.open(orderId, amount, actorId);
        RefundResult result;
        try {
            result = gateway.refund(new RefundRequest(paymentIntent, amount, orderId, refund.idempotencyKey()));
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Refund " + refund.id() + " of order " + orderId + " failed", e);
            if (e.isRefused()) {
                records.close(refund.id(), null, "The payment provider refused the refund.");
                throw new CheckoutException("The payment provider refused this refund. Nothing was refunded.");
            }
            records.unconfirmed(refund.id(), "No answer from the payment provider: " + e.getMessage());
            throw new CheckoutException.Unconfirmed("The payment provider did not answer, so this refund is not confirmed. Refund the"
                    + " same amount again to retry it: it cannot be refunded twice.");
        }
        return records.close(refund.id(), result, null);
    }
}
