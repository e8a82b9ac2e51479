package io.skillform.payment;

/** Who takes the money for an order. NONE is a free order, completed without any PSP. */
public enum PaymentProvider {
    NONE, DEV, STRIPE;

    /** The path segment of the provider's webhook endpoint: /webhooks/stripe, /webhooks/dev-gateway. */
    public String webhookPath() {
        return switch (this) {
            case STRIPE -> "stripe";
            case DEV -> "dev-gateway";
            case NONE -> throw new IllegalStateException("Free orders have no webhooks");
        };
    }
}
