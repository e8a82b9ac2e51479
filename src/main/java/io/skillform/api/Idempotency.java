package io.skillform.api;

import io.skillform.identity.TokenSecrets;
import io.skillform.platform.Heartbeats;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a POST that must happen once per {@code Idempotency-Key}: the first request with a key does the work and its
 * answer is stored; a retry with the same key and body gets that answer again ({@code Idempotent-Replayed: true}),
 * the same key with another body 422, a retry while the first is still running 409 — running as its heartbeat on the
 * claim says: a retry after the first died with its node takes the key over within seconds. Refusals the client caused
 * are answers too (replayed); a failure it did not cause frees the key for a retry.
 */
@Dependent
public class Idempotency {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private Heartbeats heartbeats;

    /** Checked before the body, so a client missing the header hears about it first. */
    public static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiException(Problem.invalid("Idempotency-Key",
                    "header is required: 1–255 visible ASCII characters, unique per request (a UUID, for example)"));
        }
    }

    /**
     * @param scope whose keys these are ({@code checkout:store:<id>} for the checkouts of a store's storefronts,
     *              {@code creator:<id>} for a creator's requests): one client's key can neither replay nor block another's
     * @param operation what the key is used for (a key is bound to one operation)
     * @param request the request's canonical form: the same request, the same text
     * @param work the request's answer, or an {@link ApiException} carrying a refusal
     */
    public Response run(String scope, String clientKey, String operation, String request, Supplier<Response> work) {
        requireKey(clientKey);
        String key = TokenSecrets.sha256Hex(scope + "\n" + clientKey);
        String digest = TokenSecrets.sha256Hex(request);
        String owner = UUID.randomUUID().toString().replace("-", "");
        Optional<Response> replay;
        try {
            replay = keys.claim(key, owner, operation, digest);
        } catch (EJBException lostTheRace) {
            // The same key's first use, twice at once: the other request claimed it; this one now sees its claim.
            replay = keys.claim(key, owner, operation, digest);
        }
        if (replay.isPresent()) {
            return replay.get();
        }
        Response answer;
        try (Heartbeats.Heartbeat alive = heartbeats.start(IdempotencyKeys.RENEW_EVERY, () -> keys.renew(key, owner))) {
            answer = work.get();
        } catch (ApiException refused) {
            if (refused.isRetryable()) {
                keys.release(key, owner);
                throw refused;
            }
            answer = refused.getResponse();
        } catch (RuntimeException unexpected) {
            keys.release(key, owner);
            throw unexpected;
        }
        keys.answer(key, owner, answer.getStatus(), (String) answer.getEntity());
        return answer;
    }
}
