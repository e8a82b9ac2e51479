package io.skillform.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request a download link served: a counted download, or a resumed range of one. Never changed. */
@Entity
@Table(name = "download_event")
public class DownloadEvent {

    private static final int MAX_USER_AGENT = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "link_id", nullable = false, updatable = false)
    private long linkId;

    @Column(name = "grant_id", nullable = false, updatable = false)
    private long grantId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(name = "downloaded_at", nullable = false, updatable = false)
    private Instant downloadedAt;

    @Column(name = "remote_address", nullable = false, updatable = false, length = 45)
    private String remoteAddress;

    @Column(name = "user_agent", updatable = false, length = MAX_USER_AGENT)
    private String userAgent;

    @Column(name = "range_start", updatable = false)
    private Long rangeStart;

    /** How many bytes the request asked for (null in rows older than the column). */
    @Column(name = "range_bytes", updatable = false)
    private Long rangeBytes;

    @Column(nullable = false, updatable = false)
    private boolean counted;

    protected DownloadEvent() {
        // for JPA
    }

    /** {@code rangeStart} is 0 for a download from the first byte, the offset of a resumed one. */
    DownloadEvent(DownloadLink link, DownloadClient client, long rangeStart, long rangeBytes, boolean counted, Instant now) {
        DownloadGrant grant = link.grant();
        this.linkId = link.id();
        this.grantId = grant.id();
        this.orderId = grant.orderId();
        this.storeId = grant.storeId();
        this.downloadedAt = now;
        this.remoteAddress = client.address();
        String agent = client.userAgent();
        this.userAgent = agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
        this.rangeStart = rangeStart > 0 ? rangeStart : null;
        this.rangeBytes = rangeBytes;
        this.counted = counted;
    }

    Long id() {
        return id;
    }

    long grantId() {
        return grantId;
    }

    boolean counted() {
        return counted;
    }
}
