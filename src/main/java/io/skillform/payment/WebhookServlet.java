package io.skillform.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code POST /webhooks/stripe} and {@code /webhooks/dev-gateway}: verifies Stripe's signature scheme over the raw
 * body (300 s tolerance), stores the event and answers at once; processing happens on the payments queue.
 * Anything unverified or unreadable gets a 400 and leaves no trace. An endpoint whose secret is not configured
 * does not exist (404).
 */
@WebServlet("/webhooks/*")
public class WebhookServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(WebhookServlet.class.getName());

    /** Stripe's events are a few KiB; anything near this is not one. */
    private static final int MAX_BODY = 512 * 1024;

    @Inject
    private PaymentSettings settings;

    @Inject
    private PaymentEventInbox inbox;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PaymentProvider> provider = Arrays.stream(PaymentProvider.values())
                .filter(p -> p != PaymentProvider.NONE && ("/" + p.webhookPath()).equals(request.getPathInfo()))
                .findFirst();
        Optional<String> secret = provider.flatMap(settings::webhookSecret);
        if (secret.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            refuse(response, "The body is too large for an event");
            return;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        String signature = request.getHeader("Stripe-Signature");
        PspEvent event;
        try {
            if (signature == null || signature.isBlank()) {
                throw new SignatureVerificationException("No Stripe-Signature header", null);
            }
            Webhook.Signature.verifyHeader(payload, signature, secret.get(), PaymentSettings.WEBHOOK_TOLERANCE.toSeconds());
            event = PspEvent.parse(payload);
            PaymentFact.of(event);
        } catch (SignatureVerificationException e) {
            LOG.warning(() -> "Refused a " + provider.get() + " webhook from " + request.getRemoteAddr() + ": " + e.getMessage());
            refuse(response, "Invalid signature: " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            refuse(response, "Malformed event: " + e.getMessage());
            return;
        }
        PaymentEventInbox.Receipt receipt = inbox.receive(provider.get(), event, payload, PaymentEvent.Source.WEBHOOK);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.getWriter().write("{\"received\":true,\"duplicate\":" + (receipt == PaymentEventInbox.Receipt.DUPLICATE) + "}");
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
