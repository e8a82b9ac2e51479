package io.skillform.course;

import io.skillform.catalog.ProductFile;
import io.skillform.delivery.ContentDisposition;
import io.skillform.delivery.Downloads;
import io.skillform.delivery.FileResponses;
import io.skillform.delivery.RangeRequest;
import io.skillform.platform.SiteSecrets;
import io.skillform.storage.BlobStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /lesson-media/<file>?e=…&x=…&s=…}: a lesson's video (or image) for the learner its signed address was made for
 * ({@link MediaAddress}), shown in the page and seekable: ranges are honoured, as a {@code <video>} asks for them. A
 * forged or expired address is a 404, as is one whose enrolment has ended (a refund ends it at once, whatever addresses
 * the learner still holds). From S3, a redirect to a pre-signed URL of a minute.
 */
@WebServlet(urlPatterns = "/lesson-media/*")
public class LessonMediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Duration DIRECT_URL_LIFETIME = Duration.ofMinutes(1);

    @Inject
    private transient Classroom classroom;

    @Inject
    private transient SiteSecrets secrets;

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

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String path = request.getPathInfo();
        Optional<ProductFile> file = Optional.ofNullable(path).map(p -> p.substring(1))
                .flatMap(id -> MediaAddress.verified(id, request.getParameter("e"), request.getParameter("x"), request.getParameter("s"),
                        secrets.secret(MediaAddress.SECRET), Instant.now()))
                .flatMap(classroom::media);
        // The address is a learner's: never passed on, never kept by a shared cache (the browser's own may keep it).
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader("X-Robots-Tag", "noindex");
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Downloads.ServedFile served = Downloads.ServedFile.of(file.get());
        RangeRequest.Resolution part = new RangeRequest(request.getHeader("Range"), request.getHeader("If-Range"))
                .resolve(served.size(), served.etag(), served.lastModified());
        FileResponses.send(response, blobs, served, part, ContentDisposition.inline(served.fileName()), body, DIRECT_URL_LIFETIME);
    }
}
