package io.skillform.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payment configuration ({@code SKILLFORM_PAYMENTS_GATEWAY}, {@code SKILLFORM_STRIPE_*},
 * {@code SKILLFORM_DEV_GATEWAY_*}). Nothing is enabled by default: a server without settings takes no payments
 * rather than running the dev gateway, which lets anyone "pay" without money. Both gateways can be configured at
 * once (orders keep the provider they were placed with); SKILLFORM_PAYMENTS_GATEWAY picks the one for new checkouts.
 */
@ApplicationScoped
public class PaymentSettings {

    /** Stripe's tolerance for webhook timestamps; older signed bodies are replays. */
    public static final Duration WEBHOOK_TOLERANCE = Duration.ofSeconds(300);

    @Inject
    @ConfigProperty(name = "skillform.dev-gateway.enabled", defaultValue = "false")
    boolean devGatewayEnabled;

    @Inject
    @ConfigProperty(name = "skillform.stripe.secret-key")
    Optional<String> stripeSecretKey;

    @Inject
    @ConfigProperty(name = "skillform.stripe.api-base", defaultValue = "https://api.stripe.com")
    String stripeApiBase;

    @Inject
    @ConfigProperty(name = "skillform.stripe.webhook-secret")
    Optional<String> stripeWebhookSecret;

    @Inject
    @ConfigProperty(name = "skillform.dev-gateway.webhook-secret", defaultValue = "whsec_skillform_dev_gateway")
    String devWebhookSecret;

    @Inject
    @ConfigProperty(name = "skillform.dev-gateway.webhook-url")
    Optional<String> devWebhookUrl;

    /** Share of dev-gateway webhooks sent twice, as real PSPs sometimes do. */
    @Inject
    @ConfigProperty(name = "skillform.dev-gateway.duplicate-rate", defaultValue = "0.3")
    double devDuplicateRate;

    /**
     * The provider new checkouts go to: "dev", "stripe", or "auto" (Stripe when a secret key is set, else the dev
     * gateway when enabled). Read on every checkout, so switching needs no restart of in-flight orders' handling.
     */
    public Optional<PaymentProvider> checkoutProvider() {
        String gateway = ConfigProvider.getConfig().getOptionalValue("skillform.payments.gateway", String.class).orElse("auto");
        Optional<PaymentProvider> chosen = switch (gateway.strip().toLowerCase(Locale.ROOT)) {
            case "dev" -> Optional.of(PaymentProvider.DEV);
            case "stripe" -> Optional.of(PaymentProvider.STRIPE);
            case "auto" -> stripeSecretKey().isPresent() ? Optional.of(PaymentProvider.STRIPE)
                    : devGatewayEnabled ? Optional.of(PaymentProvider.DEV) : Optional.empty();
            default -> throw new IllegalStateException("SKILLFORM_PAYMENTS_GATEWAY must be dev, stripe or auto, not " + gateway);
        };
        return chosen.filter(p -> p != PaymentProvider.DEV || devGatewayEnabled);
    }

    /** The dev gateway's pages, webhook endpoint and API exist only when SKILLFORM_DEV_GATEWAY_ENABLED=true. */
    public boolean devGatewayEnabled() {
        return devGatewayEnabled;
    }

    public Optional<String> stripeSecretKey() {
        return stripeSecretKey.map(String::strip).filter(s -> !s.isEmpty());
    }

    public String stripeApiBase() {
        return stripeApiBase;
    }

    /** The secret a provider's webhooks are signed with, if that provider's endpoint is enabled. */
    public Optional<String> webhookSecret(PaymentProvider provider) {
        return switch (provider) {
            case STRIPE -> stripeWebhookSecret.map(String::strip).filter(s -> !s.isEmpty());
            case DEV -> devGatewayEnabled() ? Optional.of(devWebhookSecret) : Optional.empty();
            case NONE -> Optional.empty();
        };
    }

    public Optional<String> devWebhookUrl() {
        return devWebhookUrl.map(String::strip).filter(s -> !s.isEmpty());
    }

    public double devDuplicateRate() {
        return devDuplicateRate;
    }
}
