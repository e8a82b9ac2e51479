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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per minute, per API token (when one is sent) or else per address ({@code SKILLFORM_API_RATE_LIMIT_TOKEN_PER_MINUTE},
 * {@code …_ADDRESS_PER_MINUTE}): past the limit, 429 with {@code Retry-After} until the minute ends. Counted on this
 * node only — behind a load balancer of n nodes a client may reach up to n times the limit.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
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

    /** One client's count in the current minute. */
    private record Window(long minute, AtomicInteger count) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String address = servletRequest.getRemoteAddr();
        long now = clock.millis();
        long minute = now / WINDOW.toMillis();
        // A token is counted by its digest: the map never holds a usable secret. Made-up tokens would each start a
        // fresh count, so one address's token requests together are held to a few tokens' worth too.
        boolean over = token
                ? count("token:" + TokenSecrets.sha256Hex(authorization.substring(BEARER.length()).strip()), minute) > perToken
                        | count("tokens-from:" + address, minute) > perToken * TOKENS_PER_ADDRESS
                : count("address:" + address, minute) > perAddress;
        if (over) {
            int limit = token ? perToken : perAddress;
            long retryAfter = Math.max(1, ((minute + 1) * WINDOW.toMillis() - now + 999) / 1000);
            request.abortWith(Response.fromResponse(Problem.response(429, "Too Many Requests",
                            "At most " + limit + " requests a minute" + (token ? " per token" : " per address")
                                    + ". Retry after " + retryAfter + " s."))
                    .header("Retry-After", retryAfter).build());
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
    }

    private int count(String client, long minute) {
        Window window = windows.compute(client, (key, current) ->
                current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
        return window.count().incrementAndGet();
    }
}
