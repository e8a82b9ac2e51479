package io.skillform.platform;

import io.skillform.storage.UploadLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a request whose body is too large from its declared length, before a byte of it is read: an upload
 * (multipart) up to the configured file limit, any other body (forms, API JSON, webhooks) up to 2 MiB. The HTTP
 * listener's own limit is only a fixed ceiling (wildfly-config). Browsers and API clients declare the length of
 * what they send, so a body without one is refused too.
 */
public class RequestSizeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Forms and API bodies are small; a product description is the largest field (its own limit is far below this). */
    static final long MAX_FORM_BYTES = 2L * 1024 * 1024;
    /** Room for the form fields and part headers that travel with an uploaded file. */
    static final long MULTIPART_ENVELOPE_BYTES = 1024L * 1024;

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Inject
    private UploadLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS_WITH_BODY.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long allowed = upload ? limits.getMaxFileBytes() + MULTIPART_ENVELOPE_BYTES : MAX_FORM_BYTES;
        long length = request.getContentLengthLong();
        if (length < 0 && request.getHeader("Transfer-Encoding") == null) {
            // No length and no chunked body: HTTP/1.1 says there is no body at all (e.g. `curl -X POST`).
            chain.doFilter(request, response);
        } else if (length < 0) {
            refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "The request must declare its length.");
        } else if (length > allowed) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, upload
                    ? "This file is larger than the upload limit of " + limits.getMaxFileSize() + "."
                    : "This request is too large.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        // The client may still be sending the body; closing is cheaper than reading gigabytes to discard them.
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
