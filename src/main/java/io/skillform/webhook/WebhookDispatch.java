package io.skillform.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One attempt of a delivery: claim it (a short transaction), post it (no transaction: a slow receiver holds no lock
 * or connection), record the outcome (another short transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatch {

    @Inject
    private DeliveryRecords records;

    @Inject
    private WebhookClient client;

    public void deliver(long deliveryId) {
        records.claim(deliveryId).ifPresent(send -> records.complete(deliveryId, client.post(send)));
    }
}
