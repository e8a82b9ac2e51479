package io.skillform.delivery;

import io.skillform.storage.BlobStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /download/<token>}: a buyer's file, sent by {@link FileResponses} (ranges for resuming; from S3, a redirect to a
 * pre-signed URL that lives {@link #DIRECT_URL_LIFETIME}). An unknown
 * token is a 404; an expired, used-up or revoked link a 410 page — the first two offer a fresh link by e-mail
 * ({@code POST} to the same URL), sent to the buyer, never to whoever clicked.
 */
@WebServlet(urlPatterns = "/download/*")
public class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Duration DIRECT_URL_LIFETIME = Duration.ofSeconds(60);

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
        String disposition = ContentDisposition.attachment(access.file().fileName());
        // Only a GET, whose use was claimed and logged, hands out the file or a direct URL to it; a HEAD is answered here.
        if (!FileResponses.send(response, blobs, access.file(), access.range(), disposition, body, DIRECT_URL_LIFETIME) && body) {
            downloads.failedToStart(access); // our failure, not the buyer's: the use this request claimed is given back
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
