package io.skillform.catalog;

import io.skillform.storage.BlobKey;
import io.skillform.storage.BlobStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;

/**
 * Serves product covers at {@code /covers/{id}}. A cover's key is random and never reused (a new cover gets a new
 * key), so a response can be cached forever; covers are public like the storefront that shows them.
 */
@WebServlet("/covers/*")
public class CoverServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient BlobStore blobs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        BlobKey key;
        try {
            key = new BlobKey("covers/" + id);
        } catch (IllegalArgumentException e) {
            notFound(response);
            return;
        }
        try (InputStream in = blobs.read(key)) {
            byte[] head = in.readNBytes(8);
            response.setContentType(CoverImage.contentTypeOf(head));
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            OutputStream out = response.getOutputStream();
            out.write(head);
            in.transferTo(out);
        } catch (NoSuchFileException e) {
            notFound(response);
        }
    }

    /** A bare 404: an image URL needs no error page (and covers are served without a session). */
    private static void notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-store");
    }
}
