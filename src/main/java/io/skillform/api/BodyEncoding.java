package io.skillform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;

/**
 * A body whose Content-Type names a character set Java does not have is a 400 before anything reads it: JAX-RS decodes
 * a body by that charset while binding a resource's parameters, and would fail with a 500.
 */
@Provider
@PreMatching
public class BodyEncoding implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !readable(request)) {
            request.abortWith(Problem.invalid("body", "must be JSON in UTF-8; this Content-Type cannot be read: " + contentType));
        }
    }

    private static boolean readable(ContainerRequestContext request) {
        try {
            String charset = request.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
            return charset == null || Charset.isSupported(charset);
        } catch (IllegalArgumentException notACharsetName) {
            return false;
        }
    }
}
