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

/**
 * A strong ETag on every successful read, taken from the representation itself: the same JSON, the same tag, whatever
 * changed underneath. A matching {@code If-None-Match} turns the answer into 304 without a body, so a storefront that
 * polls pays for the query but not for the transfer. Writes compare {@code If-Match} against {@link #of} of the
 * current representation.
 */
@Provider
public class ETags implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !(response.getEntity() instanceof String || response.getEntity() instanceof JsonStructure)) {
            return;
        }
        EntityTag tag = of(response.getEntity().toString());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (request.getRequest().evaluatePreconditions(tag) != null) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    static EntityTag of(String representation) {
        return new EntityTag(TokenSecrets.sha256Hex(representation).substring(0, 32));
    }
}
