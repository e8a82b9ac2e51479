package io.skillform.delivery;

import io.skillform.storage.BlobStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /download/<token>}: a buyer's file. Streamed from local storage in slices (never whole in memory), with
 * ranges for resuming; from S3, a redirect to a pre-signed URL that lives {@link #DIRECT_URL_LIFETIME}. An unknown
 * token is a 404; an expired, used-up or revoked link a 410 page — the first two offer a fresh link by e-mail
 * ({@code POST} to the same URL), sent to the buyer, never to whoever clicked.
 */
@WebServlet(urlPatterns = "/download/*")
public class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DownloadServlet.class.getName());
    static final Duration DIRECT_URL_LIFETIME = Duration.ofSeconds(60);
    private static final int SLICE = 256 * 1024;

    @Inject
    private transient Downloads downloads;

    @Inject
    private transient BlobStore blobs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    /** "E-mail me a fresh link", from the 410 page. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<DownloadToken> token = tokenOf(request);
        if (token.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            downloads.renew(token.get());
            response.sendRedirect(request.getContextPath() + "/link-sent");
        } catch (Downloads.UnknownLink unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (DeliveryException refused) {
            request.setAttribute("downloadMessage", refused.getMessage());
            response.sendError(HttpServletResponse.SC_GONE);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        Optional<DownloadToken> token = tokenOf(request);
        if (token.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RangeRequest range = new RangeRequest(request.getHeader("Range"), request.getHeader("If-Range"));
        Downloads.Access access = body
                ? downloads.start(token.get(), range, client(request))
                : downloads.peek(token.get(), range);
        // The link is a secret: never passed on to where the file's content may lead, never cached.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        if (!access.isGranted()) {
            refuse(request, response, access.refusal());
            return;
        }
        Downloads.ServedFile file = access.file();
        RangeRequest.Resolution part = access.range();
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", file.etag());
        response.setHeader("Last-Modified", RangeRequest.httpDate(file.lastModified()));
        if (part.kind() == RangeRequest.Resolution.Kind.UNSATISFIABLE) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + file.size());
            return;
        }
        String disposition = ContentDisposition.attachment(file.fileName());
        // Only for a GET, whose use was claimed and logged: a HEAD is answered here and hands out no URL.
        Optional<URI> direct = body ? blobs.temporaryUrl(file.key(), disposition, file.contentType(), DIRECT_URL_LIFETIME)
                : Optional.empty();
        if (direct.isPresent()) {
            response.sendRedirect(direct.get().toString());
            return;
        }
        // Opened before any header is sent: a stored file that is missing is our failure (500, logged), not a short body
        // — and not the buyer's: the use this request claimed is given back.
        Optional<FileChannel> local;
        InputStream content;
        try {
            local = body ? blobs.channel(file.key(), part.first()) : Optional.empty();
            content = body && local.isEmpty() ? blobs.read(file.key(), part.first()) : InputStream.nullInputStream();
        } catch (IOException | RuntimeException unreadable) {
            if (body) {
                downloads.failedToStart(access);
            }
            LOG.log(Level.SEVERE, "The stored file " + file.key() + " could not be read for a download", unreadable);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", disposition);
        if (part.kind() == RangeRequest.Resolution.Kind.PARTIAL) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + file.size());
        }
        response.setContentLengthLong(part.length());
        try (InputStream in = content) {
            if (local.isPresent()) {
                send(local.get(), part, response.getOutputStream());
            } else {
                copy(in, body ? part.length() : 0, response.getOutputStream());
            }
        } catch (IOException e) {
            // Mostly a client that went away (paused, cancelled): it resumes with a range.
            LOG.log(Level.FINE, "Download of " + file.key() + " ended early", e);
        }
    }

    /**
     * A local file to the end: Undertow's stream hands it to the socket without copying it through the heap
     * ({@code transferFrom}, sendfile) — found by reflection, as the class is the container's; a range that ends
     * before the file does, or another container, gets the copy loop.
     */
    private static void send(FileChannel file, RangeRequest.Resolution part, OutputStream out) throws IOException {
        try (FileChannel channel = file) {
            Optional<Method> transfer = part.last() == part.size() - 1 ? ZERO_COPY.get(out.getClass()) : Optional.empty();
            if (transfer.isEmpty()) {
                copy(Channels.newInputStream(channel), part.length(), out);
                return;
            }
            try {
                transfer.get().invoke(out, channel);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<Optional<Method>> ZERO_COPY = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> stream) {
            try {
                return Optional.of(stream.getMethod("transferFrom", FileChannel.class));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private static void copy(InputStream in, long length, OutputStream out) throws IOException {
        byte[] slice = new byte[SLICE];
        long left = length;
        while (left > 0) {
            int read = in.read(slice, 0, (int) Math.min(slice.length, left));
            if (read < 0) {
                throw new IOException("The stored file ended " + left + " bytes early");
            }
            out.write(slice, 0, read);
            left -= read;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Downloads.Access.Refusal why)
            throws IOException {
        if (why == Downloads.Access.Refusal.UNKNOWN) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute("downloadRefusal", why.name());
        response.sendError(HttpServletResponse.SC_GONE);
    }

    private static DownloadClient client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return new DownloadClient(address.length() <= 45 ? address : address.substring(0, 45), request.getHeader("User-Agent"));
    }

    private static Optional<DownloadToken> tokenOf(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? Optional.empty() : DownloadToken.parse(path.substring(1));
    }
}
