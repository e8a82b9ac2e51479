package io.skillform.api;

import io.skillform.identity.TokenSecrets;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code GET} answered 200 carries a strong ETag (the API's promise, see openapi.yaml), and a matching
 * {@code If-None-Match} gets 304 — also for resources that return a plain {@code JsonObject}. The tag is a digest of
 * the JSON, so equal representations get equal tags. A resource that sets its own tag keeps it.
 */
@Provider
public class ETags implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || response.getEntity() == null
                || response.getEntityTag() != null) {
            return;
        }
        EntityTag tag = new EntityTag(TokenSecrets.sha256Hex(response.getEntity().toString()).substring(0, 32));
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (request.getRequest().evaluatePreconditions(tag) != null) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }
}
