package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.StoreHandle;
import io.skillform.catalog.WebOrigin;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS for storefronts in the browser: the public catalog, checkouts and the buyer library answer pages of the origins
 * a creator allowed (dashboard → API). A store's products answer its own origins; checkouts and libraries, which span
 * stores, any allowed origin. Creator endpoints never answer a browser origin: their tokens must not live in pages.
 * No credentials (cookies) cross origins; library tokens travel in {@code Authorization}.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 200)
public class Cors implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Pattern STORE_PATH = Pattern.compile("/?v1/stores/([^/]+)(/.*)?");
    private static final Pattern SPANNING_PATH = Pattern.compile("/?v1/(checkouts|library)(/.*)?");
    private static final String ALLOWED = Cors.class.getName() + ".allowed";

    @Inject
    private Catalog catalog;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Boolean> allowed = allowed(request);
        if (allowed.isEmpty() || request.getHeaderString("Origin") == null || !HttpMethod.OPTIONS.equals(request.getMethod())
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return; // not a preflight
        }
        if (!allowed.get()) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "Pages of " + request.getHeaderString("Origin")
                    + " may not call this API from a browser. The creator allows origins in the dashboard (API)."));
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Methods", "GET, POST")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, If-None-Match")
                .header("Access-Control-Max-Age", "600")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Boolean> allowed = allowed(request);
        if (allowed.isEmpty()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // Answers differ by Origin: shared caches must keep them apart.
        headers.putSingle(HttpHeaders.VARY, "Origin");
        if (allowed.get()) {
            headers.putSingle("Access-Control-Allow-Origin", request.getHeaderString("Origin"));
            headers.putSingle("Access-Control-Expose-Headers", "ETag, Location, Retry-After, Idempotent-Replayed");
        }
    }

    /** Empty when CORS does not apply (not a browser-facing endpoint); decided once per request. */
    private Optional<Boolean> allowed(ContainerRequestContext request) {
        Object decided = request.getProperty(ALLOWED);
        if (decided != null) {
            return Optional.of((Boolean) decided);
        }
        String origin = request.getHeaderString("Origin");
        String path = request.getUriInfo().getPath();
        Matcher store = STORE_PATH.matcher(path);
        if (!store.matches() && !SPANNING_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        if (origin == null) {
            return Optional.of(false); // not a cross-origin request, but its answer must still vary by Origin
        }
        boolean allowed;
        try {
            WebOrigin page = WebOrigin.parse(origin);
            allowed = store.matches()
                    ? StoreHandle.parse(store.group(1)).flatMap(catalog::findStore).map(s -> s.allows(page)).orElse(false)
                    : catalog.anyStoreAllows(page);
        } catch (IllegalArgumentException notAnOrigin) {
            allowed = false; // "null" (a sandboxed page, a file) and anything malformed
        }
        request.setProperty(ALLOWED, allowed);
        return Optional.of(allowed);
    }
}
