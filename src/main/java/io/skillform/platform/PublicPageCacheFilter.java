package io.skillform.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves anonymous GETs of storefront pages ({@code /}, {@code /@…}, {@code /search}) from {@link PublicPageCache}.
 * Only a visitor without a session cookie and without credentials qualifies, and only a plain 200 HTML page that
 * set no cookie is kept — so nothing personal is ever cached or served to someone else.
 */
public class PublicPageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublicPageCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!cache.isEnabled() || !cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Optional<PublicPageCache.Page> cached = cache.find(key);
        if (cached.isPresent()) {
            response.setHeader("X-Page-Cache", "hit");
            // What Faces would have said of this page (PageCaching): it carries no session.
            response.setHeader("Cache-Control", PageCaching.STATELESS);
            write(response, cached.get().body(), cached.get().contentType());
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        if (capture.passedThrough) {
            return;
        }
        byte[] body = capture.body();
        if (capture.getStatus() == HttpServletResponse.SC_OK && !capture.setCookie
                && capture.getContentType() != null && capture.getContentType().startsWith("text/html")) {
            cache.put(key, body, capture.getContentType());
        }
        response.setHeader("X-Page-Cache", "miss");
        write(response, body, capture.getContentType());
    }

    private static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("JSESSIONID".equalsIgnoreCase(cookie.getName())) {
                    return false;
                }
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.startsWith("/@") || path.equals("/search");
    }

    private static void write(HttpServletResponse response, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Collects the page instead of sending it. Errors and redirects go straight to the client and are never cached.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean setCookie;
        private boolean passedThrough;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public void addCookie(Cookie cookie) {
            setCookie = true;
            super.addCookie(cookie);
        }

        @Override
        public void setHeader(String name, String value) {
            setCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            setCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.addHeader(name, value);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            passedThrough = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            passedThrough = true;
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedThrough = true;
            super.sendRedirect(location);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        buffer.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("Pages are written blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(buffer, charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // Nothing is sent before the whole page is collected.
        }

        @Override
        public void setContentLength(int length) {
            // The filter sets the real length.
        }

        @Override
        public void setContentLengthLong(long length) {
            // The filter sets the real length.
        }
    }
}
