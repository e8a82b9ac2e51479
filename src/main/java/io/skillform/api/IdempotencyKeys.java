package io.skillform.api;

import io.skillform.payment.PaymentGateway;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bookkeeping of {@code Idempotency-Key}: each step commits on its own, so a key is claimed before the work it
 * guards starts and its answer stored when that work is done — a retry arriving meanwhile is told to wait (409), a
 * retry after it gets the same answer, a different request with the same key is refused (422). A claim whose request
 * never answered (its node went down) is taken over by a retry once it is older than any request can run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    /**
     * When an unanswered claim counts as abandoned: the longest request (a checkout replacing an earlier session) makes
     * two payment provider calls, each given up by {@link PaymentGateway#LONGEST_CALL}; a minute more for the rest.
     */
    static final Duration ABANDONED_AFTER = PaymentGateway.LONGEST_CALL.multipliedBy(2).plus(Duration.ofMinutes(1));

    private final Clock clock = Clock.systemUTC();

    /** Empty when the caller now owns the key and must answer; otherwise the stored answer to replay. */
    public Optional<Response> claim(String key, String operation, String requestHash) {
        IdempotentRequest earlier = em.find(IdempotentRequest.class, key);
        if (earlier == null) {
            em.persist(new IdempotentRequest(key, operation, requestHash, clock.instant()));
            em.flush(); // a simultaneous first use fails here (primary key); its caller asks again and gets the branch below
            return Optional.empty();
        }
        if (!earlier.asks(operation, requestHash)) {
            throw new ApiException(Problem.response(422, "Unprocessable Content",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."));
        }
        if (!earlier.isAnswered()) {
            if (takeOver(key)) {
                return Optional.empty();
            }
            throw new ApiException(Problem.response(Response.Status.CONFLICT,
                    "A request with this Idempotency-Key is still being answered. Retry in a moment."));
        }
        return Optional.of(Response.status(earlier.responseStatus())
                .type(earlier.responseStatus() / 100 == 2 ? "application/json" : Problem.MEDIA_TYPE)
                .entity(earlier.responseBody()).header("Idempotent-Replayed", "true").build());
    }

    /**
     * A claim older than any request can take was left by one that never finished (its node stopped mid-request): the
     * retry takes it over, as the conditional update lets only one retry do. The work it guards is safe to repeat —
     * a checkout resumes its order, a refund is asked again under its PSP key.
     */
    private boolean takeOver(String key) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE api_idempotency SET created_at = ? WHERE idempotency_key = ?"
                        + " AND response_status IS NULL AND created_at < ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, key).setParameter(3, Timestamp.from(now.minus(ABANDONED_AFTER)))
                .executeUpdate() == 1;
    }

    public void answer(String key, int status, String body) {
        em.find(IdempotentRequest.class, key).answered(status, body, clock.instant());
    }

    /** The work failed in a way the client did not cause: the key is free for a retry. */
    public void release(String key) {
        IdempotentRequest claimed = em.find(IdempotentRequest.class, key);
        if (claimed != null && !claimed.isAnswered()) {
            em.remove(claimed);
        }
    }
}
