package io.skillform.delivery;

import io.skillform.catalog.ProductFile;
import io.skillform.identity.EmailAddress;
import io.skillform.mail.Outbox;
import io.skillform.storage.BlobKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a download link does when it is followed: each request one short transaction. */
@Stateless
public class Downloads {

    /** Fresh links mailed from a spent one, per grant and hour: enough for a buyer, too few to flood an inbox. */
    static final int RENEWALS_PER_HOUR = 3;

    /** How long after a counted download its address may resume it without using another. */
    static final Duration RESUME_WINDOW = Duration.ofHours(6);
    /** Bytes of free resumes per claimed use, in files' worth. */
    static final long FREE_RESUME_FILES = 2;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private LinkIssuer links;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    /**
     * Admits a request for the link's file. A download from the first byte claims one of the purchase's downloads of
     * the file (its grant's, shared by all its links) — in the database, with a conditional update, so that parallel
     * requests on any of its links cannot take more than there are. Resuming one (a range further in) is free for the
     * address that claimed a use with this link within {@link #RESUME_WINDOW}, even once the downloads are spent, while
     * the link lives, for up to {@value #FREE_RESUME_FILES} files' worth of bytes per claimed use — pauses, retries and
     * download managers' segments fit, endless near-whole copies ({@code Range: bytes=1-}) do not. Beyond that, and for
     * anyone else, a range request claims a use like a new download. Every admitted request is logged.
     */
    public Access start(DownloadToken token, RangeRequest range, DownloadClient client) {
        Instant now = clock.instant();
        Optional<DownloadLink> found = find(token);
        if (found.isEmpty()) {
            return Access.refused(Access.Refusal.UNKNOWN);
        }
        DownloadLink link = found.get();
        ServedFile file = ServedFile.of(link.grant().file());
        RangeRequest.Resolution resolution = range.resolve(file.size(), file.etag(), file.lastModified());
        DownloadLink.State state = link.state(now);
        if (state == DownloadLink.State.REVOKED || link.hasExpired(now)) {
            return Access.refused(Access.Refusal.of(state));
        }
        if (resolution.kind() == RangeRequest.Resolution.Kind.UNSATISFIABLE) {
            return Access.unsatisfiable(file);
        }
        boolean resume = resolution.start() > 0 && resumesFreely(link, client, resolution.length(), file.size(), now);
        if (!resume && !claim(link)) {
            return Access.refused(Access.Refusal.USED_UP);
        }
        DownloadEvent event = new DownloadEvent(link, client, resolution.start(), resolution.length(), !resume, now);
        em.persist(event);
        em.flush(); // its id, for a download that fails to start (see failedToStart)
        return Access.granted(file, resolution, event.id());
    }

    /**
     * Gives back what {@link #start} took for a download our storage could not serve (its file lost or unreadable):
     * the use it claimed and its line in the log — the buyer loses nothing to our failure.
     */
    public void failedToStart(Access access) {
        DownloadEvent event = em.find(DownloadEvent.class, access.event());
        if (event == null) {
            return;
        }
        if (event.counted()) {
            em.createNativeQuery("UPDATE download_grant SET downloads_used = downloads_used - 1 WHERE id = ? AND downloads_used > 0")
                    .setParameter(1, event.grantId())
                    .executeUpdate();
        }
        em.remove(event);
    }

    /** The file behind a link that still works, for a request that downloads nothing (HEAD, a cache check). */
    public Access peek(DownloadToken token, RangeRequest range) {
        Instant now = clock.instant();
        return find(token).map(link -> {
            DownloadLink.State state = link.state(now);
            if (state != DownloadLink.State.USABLE) {
                return Access.refused(Access.Refusal.of(state));
            }
            ServedFile file = ServedFile.of(link.grant().file());
            return Access.granted(file, range.resolve(file.size(), file.etag(), file.lastModified()), null);
        }).orElseGet(() -> Access.refused(Access.Refusal.UNKNOWN));
    }

    /**
     * What the page of a link shows (the page a mailed link opens): its file, what is left of the purchase's downloads
     * and until when the link works. Spends nothing, so a mail scanner that opens the page takes none of them.
     */
    public Optional<LinkView> look(DownloadToken token) {
        Instant now = clock.instant();
        return find(token).map(link -> {
            ProductFile file = link.grant().file();
            return new LinkView(file.product().title(), file.fileName().value(), file.sizeBytes(), link.state(now),
                    link.grant().downloadsLeft(), link.expiresAt());
        });
    }

    /** A link as its page shows it. */
    public record LinkView(String title, String fileName, long size, DownloadLink.State state, int downloadsLeft,
                           Instant expiresAt) {

        public boolean isUsable() {
            return state == DownloadLink.State.USABLE;
        }

        /** Why it no longer works, as the 410 page names it; a usable link has none. */
        public String refusal() {
            return isUsable() ? null : state.name();
        }
    }

    /**
     * Mails a fresh link for the file of an expired one — to the buyer's address, whoever asks. Refused for a link
     * that is unknown or still works, whose purchase was refunded, or whose purchase has no downloads of the file left
     * (a fresh link would not work either: the creator can allow more); and after {@value #RENEWALS_PER_HOUR} an hour.
     */
    public void renew(DownloadToken token) {
        Instant now = clock.instant();
        DownloadLink link = find(token).orElseThrow(UnknownLink::new);
        // Locked: two simultaneous requests must not both pass the hourly limit.
        DownloadGrant grant = em.find(DownloadGrant.class, link.grant().id(), LockModeType.PESSIMISTIC_WRITE);
        switch (link.state(now)) {
            case REVOKED -> throw new DeliveryException("This purchase was refunded or disputed, so its files can no longer be downloaded.");
            case USED_UP -> throw new DeliveryException("This purchase's " + grant.allowance() + " downloads of this file are"
                    + " used up, so a fresh link would not work either. The seller can allow you more downloads.");
            case USABLE -> throw new DeliveryException("This link still works: open it to download the file.");
            case EXPIRED -> { }
        }
        long recent = em.createQuery("SELECT COUNT(l) FROM DownloadLink l WHERE l.grant = :grant AND l.issuedFor = :renewal"
                        + " AND l.issuedAt > :since", Long.class)
                .setParameter("grant", grant)
                .setParameter("renewal", DownloadLink.IssuedFor.RENEWAL)
                .setParameter("since", now.minus(Duration.ofHours(1)))
                .getSingleResult();
        if (recent >= RENEWALS_PER_HOUR) {
            throw new DeliveryException("Fresh links for this file were sent " + recent + " times in the last hour."
                    + " Check the inbox of the address you bought with, or open your library.");
        }
        DeliveryMails.FileLink fresh = links.issue(grant, DownloadLink.IssuedFor.RENEWAL, now);
        outbox.enqueue(DeliveryMails.freshLink(new EmailAddress(grant.buyerEmail()), fresh, links.libraryUrl()));
    }

    private Optional<DownloadLink> find(DownloadToken token) {
        return em.createQuery("SELECT l FROM DownloadLink l JOIN FETCH l.grant g JOIN FETCH g.file WHERE l.tokenHash = :hash",
                        DownloadLink.class)
                .setParameter("hash", token.hash())
                .getResultStream().findFirst();
    }

    /**
     * One of the grant's downloads, if one is left and the grant is not revoked: checked and taken in one statement on
     * the grant's row, so parallel requests on any of its links — and a refund committing meanwhile — cannot take more.
     * (The link's lifetime was checked by the caller; it never changes.)
     */
    private boolean claim(DownloadLink link) {
        return em.createNativeQuery("UPDATE download_grant SET downloads_used = downloads_used + 1 WHERE id = ?"
                        + " AND revoked_at IS NULL AND downloads_used < download_limit + extra_downloads")
                .setParameter(1, link.grant().id())
                .executeUpdate() == 1;
    }

    /** Whether this address claimed a use lately, and its free resumes since then leave room for this one. */
    private boolean resumesFreely(DownloadLink link, DownloadClient client, long bytes, long fileSize, Instant now) {
        Optional<Instant> lastClaim = em.createQuery("SELECT e.downloadedAt FROM DownloadEvent e WHERE e.linkId = :link"
                        + " AND e.counted = TRUE AND e.remoteAddress = :address AND e.downloadedAt > :since"
                        + " ORDER BY e.downloadedAt DESC", Instant.class)
                .setParameter("link", link.id())
                .setParameter("address", client.address())
                .setParameter("since", now.minus(RESUME_WINDOW))
                .setMaxResults(1)
                .getResultStream().findFirst();
        if (lastClaim.isEmpty()) {
            return false;
        }
        // SUM over a long column comes back as whatever number type the driver chooses.
        Object resumed = em.createQuery("SELECT SUM(e.rangeBytes) FROM DownloadEvent e WHERE e.linkId = :link"
                        + " AND e.counted = FALSE AND e.remoteAddress = :address AND e.downloadedAt >= :claimed")
                .setParameter("link", link.id())
                .setParameter("address", client.address())
                .setParameter("claimed", lastClaim.get())
                .getSingleResult();
        long already = resumed == null ? 0 : ((Number) resumed).longValue();
        return already + bytes <= FREE_RESUME_FILES * fileSize;
    }

    /** A token that names no link: answered like a page that does not exist. */
    public static final class UnknownLink extends DeliveryException {

        private static final long serialVersionUID = 1L;

        UnknownLink() {
            super("This link is not one of ours.");
        }
    }

    /** A stored file as a download serves it: immutable once stored, so its digest is a strong validator. */
    public record ServedFile(BlobKey key, String fileName, String contentType, long size, String etag,
                             Instant lastModified) {

        public static ServedFile of(ProductFile file) {
            return new ServedFile(file.storageKey(), file.fileName().value(), file.contentType(), file.sizeBytes(),
                    "\"" + file.sha256() + "\"", file.addedAt());
        }
    }

    /** The answer to a download request; {@code event} is the log line of a GET admitted (null for a HEAD). */
    public record Access(Refusal refusal, ServedFile file, RangeRequest.Resolution range, Long event) {

        /** Why a link gives no file: unknown → 404, the others → 410. */
        public enum Refusal {
            UNKNOWN, EXPIRED, USED_UP, REVOKED;

            static Refusal of(DownloadLink.State state) {
                return switch (state) {
                    case EXPIRED -> EXPIRED;
                    case USED_UP -> USED_UP;
                    case REVOKED -> REVOKED;
                    case USABLE -> throw new IllegalArgumentException("A usable link is not refused");
                };
            }
        }

        static Access refused(Refusal why) {
            return new Access(why, null, null, null);
        }

        static Access granted(ServedFile file, RangeRequest.Resolution range, Long event) {
            return new Access(null, file, range, event);
        }

        static Access unsatisfiable(ServedFile file) {
            return new Access(null, file, new RangeRequest.Resolution(RangeRequest.Resolution.Kind.UNSATISFIABLE, 0, -1, file.size()), null);
        }

        public boolean isGranted() {
            return refusal == null;
        }
    }
}
