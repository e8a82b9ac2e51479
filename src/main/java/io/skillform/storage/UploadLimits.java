package io.skillform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large an uploaded product file may be ({@code SKILLFORM_UPLOAD_MAX_BYTES}, default 2 GiB). Enforced three
 * times: by the browser before sending (a message at once), by {@link io.skillform.platform.RequestSizeGuard}
 * from the request's length before reading it, and while streaming by {@link MeteredInputStream}.
 */
@Named("uploadLimits")
@ApplicationScoped
public class UploadLimits {

    /** Covers are images shown on pages; they never need to be large. */
    public static final long MAX_COVER_BYTES = 10L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "skillform.upload.max-bytes", defaultValue = "2147483648")
    long maxFileBytes;

    public long getMaxFileBytes() {
        return maxFileBytes;
    }

    public long getMaxCoverBytes() {
        return MAX_COVER_BYTES;
    }

    /** The limit for people: "2 GiB", "150 MiB". */
    public String getMaxFileSize() {
        return Sizes.format(maxFileBytes);
    }
}
