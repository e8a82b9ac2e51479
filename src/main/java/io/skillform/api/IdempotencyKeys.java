package io.skillform.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
 * retry after it gets the same answer, a different request with the same key is refused (422). The request holding a
 * claim renews it every {@link #RENEW_EVERY} while it works (waiting on the PSP, say); a claim not renewed for
 * {@link #LAPSES_AFTER} was left by a request that died with its node, and the next retry takes it over.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    static final Duration RENEW_EVERY = Duration.ofSeconds(2);
    /** Five heartbeats missed: the request is gone (a live one's renewals get through unless its database is away). */
    static final Duration LAPSES_AFTER = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();

    /**
     * Empty when the caller (the request {@code owner}) now holds the key and must answer; otherwise the stored answer
     * to replay.
     */
    public Optional<Response> claim(String key, String owner, String operation, String requestHash) {
        IdempotentRequest earlier = em.find(IdempotentRequest.class, key);
        if (earlier == null) {
            em.persist(new IdempotentRequest(key, operation, requestHash, owner, clock.instant()));
            em.flush(); // a simultaneous first use fails here (primary key); its caller asks again and gets the branch below
            return Optional.empty();
        }
        if (!earlier.asks(operation, requestHash)) {
            throw new ApiException(Problem.response(422, "Unprocessable Content",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."));
        }
        if (!earlier.isAnswered()) {
            if (takeOver(key, owner)) {
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
     * A claim whose heartbeat stopped was left by a request that never finished (its node stopped mid-request): the
     * retry takes it over, as the conditional update lets only one retry do. The work it guards is safe to repeat —
     * a checkout resumes its order, a refund is asked again under its PSP key.
     */
    private boolean takeOver(String key, String owner) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE api_idempotency SET owner = ?, heartbeat_at = ? WHERE idempotency_key = ?"
                        + " AND response_status IS NULL AND heartbeat_at < ?")
                .setParameter(1, owner).setParameter(2, Timestamp.from(now)).setParameter(3, key)
                .setParameter(4, Timestamp.from(now.minus(LAPSES_AFTER)))
                .executeUpdate() == 1;
    }

    /** The request still works on its claim; false once the claim is no longer its own (answered, released, taken over). */
    public boolean renew(String key, String owner) {
        return em.createNativeQuery("UPDATE api_idempotency SET heartbeat_at = ? WHERE idempotency_key = ? AND owner = ?"
                        + " AND response_status IS NULL")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, key).setParameter(3, owner)
                .executeUpdate() == 1;
    }

    /** Stored only if the request still holds the claim: one that was taken over leaves the answer to its successor. */
    public void answer(String key, String owner, int status, String body) {
        IdempotentRequest claimed = em.find(IdempotentRequest.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (claimed != null && claimed.isClaimedBy(owner)) {
            claimed.answered(status, body, clock.instant());
        }
    }

    /** The work failed in a way the client did not cause: the key is free for a retry. */
    public void release(String key, String owner) {
        IdempotentRequest claimed = em.find(IdempotentRequest.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (claimed != null && claimed.isClaimedBy(owner)) {
            em.remove(claimed);
        }
    }
}
