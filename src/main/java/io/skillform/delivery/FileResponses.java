package io.skillform.delivery;

import io.skillform.storage.BlobStore;
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
 * Sends a stored file, or the one range asked for, to a client that was allowed it: a buyer's download, a learner's
 * lesson video. From local storage in slices, never whole in memory (to the end of the file without copying through the
 * heap); from S3, a redirect to a pre-signed URL.
 */
public final class FileResponses {

    private static final Logger LOG = Logger.getLogger(FileResponses.class.getName());
    private static final int SLICE = 256 * 1024;

    private FileResponses() {
    }

    /**
     * @param body false for a HEAD: the headers only, and no direct URL handed out
     * @return false when the stored file could not be opened: a 500 was sent (the caller gives back what it claimed)
     */
    public static boolean send(HttpServletResponse response, BlobStore blobs, Downloads.ServedFile file, RangeRequest.Resolution part,
                               String disposition, boolean body, Duration directLifetime) throws IOException {
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", file.etag());
        response.setHeader("Last-Modified", RangeRequest.httpDate(file.lastModified()));
        if (part.kind() == RangeRequest.Resolution.Kind.UNSATISFIABLE) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + file.size());
            return true;
        }
        Optional<URI> direct = body ? blobs.temporaryUrl(file.key(), disposition, file.contentType(), directLifetime) : Optional.empty();
        if (direct.isPresent()) {
            response.sendRedirect(direct.get().toString());
            return true;
        }
        // Opened before any header is sent: a stored file that is missing is our failure (500, logged), not a short body.
        Optional<FileChannel> local;
        InputStream content;
        try {
            local = body ? blobs.channel(file.key(), part.first()) : Optional.empty();
            content = body && local.isEmpty() ? blobs.read(file.key(), part.first()) : InputStream.nullInputStream();
        } catch (IOException | RuntimeException unreadable) {
            LOG.log(Level.SEVERE, "The stored file " + file.key() + " could not be read", unreadable);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return false;
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
            // Mostly a client that went away (paused, cancelled, a video seeking elsewhere): it comes back with a range.
            LOG.log(Level.FINE, "Sending " + file.key() + " ended early", e);
        }
        return true;
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
}
