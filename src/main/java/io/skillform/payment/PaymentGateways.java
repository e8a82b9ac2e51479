package io.skillform.payment;

import io.skillform.payment.devgateway.DevGateway;
import io.skillform.payment.stripe.StripeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The configured gateways: the one new checkouts use, and each provider's for orders already placed with it. */
@ApplicationScoped
public class PaymentGateways {

    @Inject
    private PaymentSettings settings;

    @Inject
    private StripeGateway stripe;

    @Inject
    private DevGateway dev;

    /** Where new checkouts go; empty when payments are not configured. */
    public Optional<PaymentGateway> forCheckout() {
        return settings.checkoutProvider().flatMap(this::of);
    }

    /** The gateway for a provider, if this server is configured to talk to it. */
    public Optional<PaymentGateway> of(PaymentProvider provider) {
        return switch (provider) {
            case STRIPE -> settings.stripeSecretKey().map(key -> stripe);
            case DEV -> settings.devGatewayEnabled() ? Optional.of(dev) : Optional.empty();
            case NONE -> Optional.empty();
        };
    }
}
