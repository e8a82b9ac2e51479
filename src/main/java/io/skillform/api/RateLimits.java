package io.skillform.api;

import io.skillform.identity.TokenSecrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per minute, per API token or else per address ({@code SKILLFORM_API_RATE_LIMIT_TOKEN_PER_MINUTE},
 * {@code …_ADDRESS_PER_MINUTE}): past the limit, 429 with {@code Retry-After} until the minute ends. Counted on this
 * node only — behind a load balancer of n nodes a client may reach up to n times the limit.
 *
 * <p>A token earns a budget of its own only once it has been accepted ({@link #accepted}): counted before
 * authentication, a token nobody checked yet — made up, or a real one's first request — is counted against its
 * address too, so inventing tokens buys nothing over sending none.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** How long an accepted token keeps its budget without being accepted again (each authenticated request renews it). */
    private static final long ACCEPTED_MINUTES = 60;
    private static final String BEARER = "Bearer ";
    /** Several creators' servers may share an address (a host, a NAT): room for this many busy tokens from one. */
    private static final int TOKENS_PER_ADDRESS = 10;

    @Inject
    @ConfigProperty(name = "skillform.api.rate-limit.token-per-minute", defaultValue = "600")
    int perToken;

    @Inject
    @ConfigProperty(name = "skillform.api.rate-limit.address-per-minute", defaultValue = "300")
    int perAddress;

    @Inject
    private HttpServletRequest servletRequest;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** The digests of tokens authentication accepted, and the minute it last did. */
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();

    /** One client's count in the current minute. */
    private record Window(long minute, AtomicInteger count) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long now = clock.millis();
        long minute = now / WINDOW.toMillis();
        String address = servletRequest.getRemoteAddr();
        // A token is counted by its digest: the maps never hold a usable secret.
        Optional<String> token = digest(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean known = token.map(accepted::get).filter(at -> minute - at < ACCEPTED_MINUTES).isPresent();
        int addressLimit = known ? perToken * TOKENS_PER_ADDRESS : perAddress;
        // Every request spends both its counts, whichever of them stops it.
        boolean tokenOver = token.isPresent() && count("token:" + token.get(), minute) > perToken;
        boolean addressOver = count((known ? "tokens-from:" : "address:") + address, minute) > addressLimit;
        if (tokenOver || addressOver) {
            long retryAfter = Math.max(1, ((minute + 1) * WINDOW.toMillis() - now + 999) / 1000);
            request.abortWith(Response.fromResponse(Problem.response(429, "Too Many Requests",
                            "At most " + (tokenOver ? perToken + " requests a minute per token" : addressLimit + " requests a minute per address")
                                    + ". Retry after " + retryAfter + " s."))
                    .header("Retry-After", retryAfter).build());
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
    }

    /**
     * Called once authentication accepts the token: from its next request on, the token counts for itself (and its
     * address's room for several tokens), no longer against its address's anonymous requests.
     */
    public void accepted(String authorization) {
        long minute = clock.millis() / WINDOW.toMillis();
        digest(authorization).ifPresent(token -> accepted.put(token, minute));
        if (accepted.size() > 100_000) {
            accepted.values().removeIf(at -> minute - at >= ACCEPTED_MINUTES);
        }
    }

    private static Optional<String> digest(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(TokenSecrets.sha256Hex(authorization.substring(BEARER.length()).strip()))
                : Optional.empty();
    }

    private int count(String client, long minute) {
        Window window = windows.compute(client, (key, current) ->
                current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
        return window.count().incrementAndGet();
    }
}
