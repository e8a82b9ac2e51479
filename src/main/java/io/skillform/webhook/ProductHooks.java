package io.skillform.webhook;

import io.skillform.catalog.ProductChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** The catalog's product changes, turned into webhook events in the transaction that makes them. */
@ApplicationScoped
class ProductHooks {

    @Inject
    private Webhooks webhooks;

    void productChanged(@Observes(during = TransactionPhase.IN_PROGRESS) ProductChanged changed) {
        webhooks.productChanged(changed.productId(), changed.change());
    }
}
