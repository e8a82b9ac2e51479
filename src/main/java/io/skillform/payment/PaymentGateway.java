package io.skillform.payment;

import io.skillform.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment service provider with hosted checkout. Every call that creates something carries an idempotency key,
 * so a retry after a timeout never creates a second session or refund. Calls go over the network: callers make
 * them outside database transactions.
 */
public interface PaymentGateway {

    /** The longest one call may take, its retries included: every gateway has given up by then. */
    Duration LONGEST_CALL = Duration.ofSeconds(90);

    PaymentProvider provider();

    GatewaySession createSession(SessionRequest request) throws GatewayException;

    GatewaySession session(String sessionId) throws GatewayException;

    /** Ends an open session so it can no longer be paid; answers the session as it now is (maybe already paid). */
    GatewaySession expireSession(String sessionId, String idempotencyKey) throws GatewayException;

    /** Events created at or after {@code since}, newest first, one page after {@code startingAfter} (null: first). */
    EventPage events(Instant since, String startingAfter) throws GatewayException;

    RefundResult refund(RefundRequest request) throws GatewayException;

    /**
     * What the PSP charged for a captured payment (its balance transaction's fee, in the settlement currency); empty
     * while the PSP has not settled it yet.
     */
    Optional<Money> processingFee(String paymentIntent) throws GatewayException;
}
