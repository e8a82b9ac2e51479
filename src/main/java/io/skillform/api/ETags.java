package io.skillform.api;

import io.skillform.identity.TokenSecrets;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strong ETag on every successful read, taken from the representation itself: the same JSON, the same tag, whatever
 * changed underneath. A matching {@code If-None-Match} turns the answer into 304 without a body, so a storefront that
 * polls pays for the query but not for the transfer. Writes compare {@code If-Match} against {@link #of} of the
 * current representation.
 */
@Provider
public class ETags implements ContainerResponseFilter {

    /** One entity-tag of a list, weak or strong, its opaque value in group 1. */
    private static final Pattern LISTED_TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !(response.getEntity() instanceof String || response.getEntity() instanceof JsonStructure)) {
            return;
        }
        EntityTag tag = of(response.getEntity().toString());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        // Only If-None-Match, as RFC 9110 §13.1.2 has it for a read; no other precondition turns a read into a 304
        // (JAX-RS's evaluatePreconditions would also answer a failed If-Match that way).
        if (notModified(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag.getValue())) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    /**
     * Whether {@code If-None-Match} (all its header lines) names the representation's tag (its opaque value), or is
     * {@code *}. Compared weakly, as RFC 9110 §13.1.2 says: {@code W/"x"} matches {@code "x"} — a proxy that
     * compresses marks the tags it passes on weak, and the client sends back what it got.
     */
    static boolean notModified(List<String> ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String line : ifNoneMatch) {
            if (line.strip().equals("*")) {
                return true;
            }
            Matcher tag = LISTED_TAG.matcher(line);
            while (tag.find()) {
                if (tag.group(1).equals(current)) {
                    return true;
                }
            }
        }
        return false;
    }

    static EntityTag of(String representation) {
        return new EntityTag(TokenSecrets.sha256Hex(representation).substring(0, 32));
    }
}
