package io.skillform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;

/**
 * How a buyer's download links behave: each link works for a number of downloads and for a number of hours after
 * it was issued. A buyer can always get fresh links from their library; the limits contain a link that leaks.
 */
@Embeddable
public class DownloadPolicy {

    public static final int DEFAULT_DOWNLOADS = 5;
    public static final int DEFAULT_HOURS = 24;
    public static final int MAX_DOWNLOADS = 100;
    public static final int MAX_HOURS = 720;

    @Column(name = "download_limit", nullable = false)
    private int downloadLimit;

    @Column(name = "link_lifetime_hours", nullable = false)
    private int linkLifetimeHours;

    protected DownloadPolicy() {
        // for JPA
    }

    public DownloadPolicy(int downloadLimit, int linkLifetimeHours) {
        if (downloadLimit < 1 || downloadLimit > MAX_DOWNLOADS) {
            throw new IllegalArgumentException("Downloads per link must be between 1 and " + MAX_DOWNLOADS);
        }
        if (linkLifetimeHours < 1 || linkLifetimeHours > MAX_HOURS) {
            throw new IllegalArgumentException("A link lives between 1 and " + MAX_HOURS + " hours");
        }
        this.downloadLimit = downloadLimit;
        this.linkLifetimeHours = linkLifetimeHours;
    }

    public static DownloadPolicy defaults() {
        return new DownloadPolicy(DEFAULT_DOWNLOADS, DEFAULT_HOURS);
    }

    public int downloadLimit() {
        return downloadLimit;
    }

    public int linkLifetimeHours() {
        return linkLifetimeHours;
    }

    public Duration linkLifetime() {
        return Duration.ofHours(linkLifetimeHours);
    }
}
