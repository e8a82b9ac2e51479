package io.skillform.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.BearerToken;

/**
 * Logs the request's Shiro subject in with the bearer token (shiro.ini keeps /api/** session-less), or
 * answers 401 with a problem body. The token is checked on every request, so a revoked token or a disabled
 * account stops working at once.
 */
@Provider
@RequiresToken
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    private RateLimits rateLimits;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            request.abortWith(challenge("Send a personal API token: Authorization: Bearer sfk_…"));
            return;
        }
        try {
            SecurityUtils.getSubject().login(new BearerToken(header.substring(SCHEME.length()).strip()));
            rateLimits.accepted(header);
        } catch (AuthenticationException e) {
            request.abortWith(challenge("The API token is not valid, or has been revoked"));
        }
    }

    private static Response challenge(String detail) {
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"skillform\"").build();
    }
}
