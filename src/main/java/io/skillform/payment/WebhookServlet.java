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
        Optional<String> unsigned = signatureProblem(payload, request.getHeader("Stripe-Signature"), secret.get());
        if (unsigned.isPresent()) {
            LOG.warning(() -> "Refused a " + provider.get() + " webhook from " + request.getRemoteAddr() + ": " + unsigned.get());
            refuse(response, "Invalid signature");
            return;
        }
        PspEvent event;
        try {
            event = PspEvent.parse(payload);
            PaymentFact.of(event);
        } catch (MalformedEvent e) {
            refuse(response, "Malformed event: " + e.getMessage());
            return;
        }
        PaymentEventInbox.Receipt receipt = inbox.receive(provider.get(), event, payload, PaymentEvent.Source.WEBHOOK);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.getWriter().write("{\"received\":true,\"duplicate\":" + (receipt == PaymentEventInbox.Receipt.DUPLICATE) + "}");
    }

    /**
     * What is wrong with the signature (for the log), if anything: Stripe's scheme, within the tolerance. A header
     * stripe-java cannot even read ({@code t=abc} makes it throw a NumberFormatException) is as unsigned as a wrong one.
     */
    private static Optional<String> signatureProblem(String payload, String header, String secret) {
        if (header == null || header.isBlank()) {
            return Optional.of("no Stripe-Signature header");
        }
        try {
            Webhook.Signature.verifyHeader(payload, header, secret, PaymentSettings.WEBHOOK_TOLERANCE.toSeconds());
            return Optional.empty();
        } catch (SignatureVerificationException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("unreadable Stripe-Signature header");
        }
    }

    /** A fixed reason of ours, never an exception's text: the body ends up in the PSP's delivery log for anyone to read. */
    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(reason);
    }
}
