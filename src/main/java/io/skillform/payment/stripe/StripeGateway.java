package io.skillform.payment.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.stripe.StripeClient;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.skillform.payment.EventPage;
import io.skillform.payment.GatewayException;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentGateway;
import io.skillform.payment.PaymentProvider;
import io.skillform.payment.PaymentSettings;
import io.skillform.payment.RefundRequest;
import io.skillform.payment.RefundResult;
import io.skillform.payment.SessionRequest;
import io.skillform.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stripe through stripe-java: hosted Checkout Sessions, refunds and the event list. A client of its own (not the
 * library's global state), pointed at {@code SKILLFORM_STRIPE_API_BASE} — a local Stripe-compatible stub in tests.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

    /** The event types reconciliation asks for: those SkillForm acts on. */
    static final List<String> EVENT_TYPES = List.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
            "checkout.session.expired", "payment_intent.payment_failed", "charge.refunded",
            "charge.dispute.created", "charge.dispute.closed");

    @Inject
    private PaymentSettings settings;

    private StripeClient client;

    @PostConstruct
    void connect() {
        settings.stripeSecretKey().ifPresent(key -> client = StripeClient.builder()
                .setApiKey(key)
                .setApiBase(settings.stripeApiBase())
                // Three attempts of at most 25 s and stripe-java's waits between them (5 s at most): within LONGEST_CALL.
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                // stripe-java retries network failures with the same idempotency key: safe by construction.
                .setMaxNetworkRetries(2)
                .build());
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public GatewaySession createSession(SessionRequest request) throws GatewayException {
        String orderId = String.valueOf(request.orderId());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId(orderId)
                .setCustomerEmail(request.buyerEmail())
                .putMetadata("order_id", orderId)
                // Also on the PaymentIntent, so its charges, refunds and disputes lead back to the order.
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("order_id", orderId).build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().minor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description()).build())
                                .build())
                        .build())
                .build();
        try {
            return toSession(client().v1().checkout().sessions().create(params, idempotent(request.idempotencyKey())));
        } catch (StripeException e) {
            throw failure("creating a checkout session for order " + orderId, e);
        }
    }

    @Override
    public GatewaySession session(String sessionId) throws GatewayException {
        try {
            return toSession(client().v1().checkout().sessions().retrieve(sessionId));
        } catch (StripeException e) {
            throw failure("reading checkout session " + sessionId, e);
        }
    }

    @Override
    public GatewaySession expireSession(String sessionId, String idempotencyKey) throws GatewayException {
        try {
            return toSession(client().v1().checkout().sessions().expire(sessionId, idempotent(idempotencyKey)));
        } catch (StripeException e) {
            GatewayException failure = failure("expiring checkout session " + sessionId, e);
            if (failure.isRefused()) {
                // Stripe refuses to expire a session that is no longer open: say how it stands instead.
                return session(sessionId);
            }
            throw failure;
        }
    }

    @Override
    public EventPage events(Instant since, String startingAfter) throws GatewayException {
        EventListParams.Builder params = EventListParams.builder()
                .setLimit(100L)
                .setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build());
        EVENT_TYPES.forEach(params::addType);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        try {
            StripeCollection<Event> page = client().v1().events().list(params.build());
            // The events of a list carry no raw JSON of their own (getRawJsonObject() is null): the response does.
            List<String> raw = page.getRawJsonObject() != null && page.getRawJsonObject().get("data") instanceof JsonArray data
                    ? data.asList().stream().map(JsonElement::toString).toList()
                    : page.getData().stream().map(ApiResource.GSON::toJson).toList();
            String last = page.getData().isEmpty() ? null : page.getData().get(page.getData().size() - 1).getId();
            return new EventPage(raw, Boolean.TRUE.equals(page.getHasMore()) && last != null, last);
        } catch (StripeException e) {
            throw failure("listing events", e);
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) throws GatewayException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntent())
                .setAmount(request.amount().minor())
                .putMetadata("order_id", String.valueOf(request.orderId()))
                .build();
        try {
            Refund refund = client().v1().refunds().create(params, idempotent(request.idempotencyKey()));
            return new RefundResult(refund.getId(), refund.getStatus());
        } catch (StripeException e) {
            throw failure("refunding order " + request.orderId(), e);
        }
    }

    @Override
    public Optional<Money> processingFee(String paymentIntent) throws GatewayException {
        try {
            PaymentIntent intent = client().v1().paymentIntents().retrieve(paymentIntent,
                    PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
            Charge charge = intent.getLatestChargeObject();
            BalanceTransaction settled = charge == null ? null : charge.getBalanceTransactionObject();
            return settled == null ? Optional.empty()
                    : Optional.of(Money.of(settled.getFee(), settled.getCurrency().toUpperCase(Locale.ROOT)));
        } catch (StripeException e) {
            throw failure("reading payment " + paymentIntent, e);
        }
    }

    private StripeClient client() throws GatewayException {
        if (client == null) {
            throw new GatewayException("Stripe is not configured (SKILLFORM_STRIPE_SECRET_KEY)", false, null);
        }
        return client;
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static GatewayException failure(String what, StripeException e) {
        Integer status = e.getStatusCode();
        boolean refused = status != null && status >= 400 && status < 500 && status != 409 && status != 429;
        return new GatewayException("Stripe failed " + what + ": " + e.getMessage(), refused, e);
    }

    private static GatewaySession toSession(Session s) {
        Money total = s.getAmountTotal() == null || s.getCurrency() == null ? null
                : Money.of(s.getAmountTotal(), s.getCurrency().toUpperCase(Locale.ROOT));
        Optional<Long> orderId = Optional.ofNullable(s.getMetadata()).map(m -> m.get("order_id"))
                .or(() -> Optional.ofNullable(s.getClientReferenceId()))
                .flatMap(StripeGateway::parseId);
        return new GatewaySession(s.getId(), s.getUrl(), s.getStatus(), s.getPaymentStatus(), total, s.getPaymentIntent(), orderId);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
