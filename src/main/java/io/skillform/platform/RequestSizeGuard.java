package io.skillform.platform;

import io.skillform.storage.UploadLimits;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a request whose body is too large from its declared length, before a byte of it is read: an upload up to
 * the configured file limit, any other body (forms, API JSON, webhooks) up to 2 MiB. What is an upload is decided by
 * the address alone — the API's file upload and the product editor's — never by the Content-Type, which the sender
 * chooses. The HTTP listener's own limit is only a fixed ceiling (wildfly-config). Browsers and API clients declare the
 * length of what they send, so a body without one is refused too — but for the API's file upload, which is streamed
 * and measured as it is stored.
 */
public class RequestSizeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Forms and API bodies are small; a product description is the largest field (its own limit is far below this). */
    static final long MAX_FORM_BYTES = 2L * 1024 * 1024;
    /** Room for the form fields and part headers that travel with an uploaded file. */
    static final long MULTIPART_ENVELOPE_BYTES = 1024L * 1024;

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /** The API's file upload: the body is the file itself, counted as it is stored (MeteredInputStream). */
    private static final Pattern API_FILE_UPLOAD = Pattern.compile("/api/v1/products/\\d{1,18}/files");
    /**
     * The product editor, whose file and cover uploads post (multipart) to the page's own address, extensionless or
     * not; its other forms are small.
     */
    private static final Set<String> PRODUCT_EDITOR = Set.of("/dashboard/product", "/dashboard/product.xhtml");

    @Inject
    private UploadLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS_WITH_BODY.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        boolean streamed = post && API_FILE_UPLOAD.matcher(path).matches();
        boolean upload = streamed || post && PRODUCT_EDITOR.contains(path) && isMultipart(request);
        long allowed = upload ? limits.getMaxFileBytes() + MULTIPART_ENVELOPE_BYTES : MAX_FORM_BYTES;
        long length = request.getContentLengthLong();
        if (length < 0 && request.getHeader("Transfer-Encoding") == null) {
            // No length and no chunked body: HTTP/1.1 says there is no body at all (e.g. `curl -X POST`).
            chain.doFilter(request, response);
        } else if (length < 0 && !streamed) {
            refuse(response, path, HttpServletResponse.SC_LENGTH_REQUIRED, "The request must declare its length.");
        } else if (length > allowed) {
            refuse(response, path, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, upload
                    ? "This file is larger than the upload limit of " + limits.getMaxFileSize() + "."
                    : "This request is too large.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static void refuse(HttpServletResponse response, String path, int status, String message) throws IOException {
        response.setStatus(status);
        // The client may still be sending the body; closing is cheaper than reading gigabytes to discard them.
        response.setHeader("Connection", "close");
        String body = message;
        if (path.startsWith("/api/")) {
            // API clients read every error as a problem document (RFC 9457).
            response.setContentType("application/problem+json");
            body = Json.createObjectBuilder().add("type", "about:blank").add("title", status == HttpServletResponse.SC_LENGTH_REQUIRED
                    ? "Length Required" : "Content Too Large").add("status", status).add("detail", message).build().toString();
        } else {
            response.setContentType("text/plain;charset=UTF-8");
        }
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
