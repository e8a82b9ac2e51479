package io.skillform.delivery;

import io.skillform.catalog.ProductFile;
import io.skillform.identity.Account;
import io.skillform.identity.Accounts;
import io.skillform.identity.EmailAddress;
import io.skillform.mail.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A buyer's purchases and their files. A signed-in buyer sees what they bought while signed in and — once their
 * address is verified — what was bought as a guest with that address (joined to the account on first sight). A guest
 * proves the address with a one-time link and sees what was bought with it.
 */
@Stateless
public class Library {

    /** The most recent files a library lists; older purchases are listed up to this many files. */
    /** The browser page shows this many purchases; the API pages through all of them. */
    static final int MAX_ORDERS = 200;
    /**
     * The library lists files bought as downloads; a course's files are reached from their lessons, and only while those
     * are open to the learner.
     */
    private static final String DOWNLOADS_ONLY = "g.file.product.type = io.skillform.catalog.ProductType.DOWNLOAD";
    static final int LINKS_PER_QUARTER_HOUR = 3;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private LinkIssuer links;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    /** Whose library: a signed-in account, or a guest's proven address. */
    public record Viewer(Long accountId, EmailAddress guestEmail, Long storeId) {

        public static Viewer account(long accountId) {
            return new Viewer(accountId, null, null);
        }

        public static Viewer guest(EmailAddress email) {
            return new Viewer(null, email, null);
        }
    }

    /** A library token for the API, shown once: only its hash is stored. */
    public record Access(String token, Instant expiresAt) {
    }

    /** One purchase: the order, what was bought, and its files. */
    public record Entry(long orderId, String title, String storeName, Instant boughtAt, List<FileEntry> files) {
    }

    /**
     * A file with what is left of the purchase's downloads of it (shared by all its links), and until when its newest
     * link works (null: none works now — the buyer asks for a fresh one).
     */
    public record FileEntry(long grantId, String fileName, long size, boolean revoked, int downloadsLeft,
                            Instant linkExpiresAt) {

        public boolean isUsedUp() {
            return downloadsLeft == 0;
        }
    }

    /** The viewer's purchases, newest first. */
    public List<Entry> of(Viewer viewer) {
        return of(viewer, Optional.empty(), MAX_ORDERS);
    }

    /** A page of the viewer's purchases, newest first, before the order with id {@code beforeOrderId}. */
    public List<Entry> of(Viewer viewer, Optional<Long> beforeOrderId, int orders) {
        List<DownloadGrant> grants = grantsOf(viewer, beforeOrderId, orders);
        Map<Long, DownloadLink> newestLinks = newestLinks(grants);
        Instant now = clock.instant();
        Map<Long, List<DownloadGrant>> byOrder = grants.stream()
                .collect(Collectors.groupingBy(DownloadGrant::orderId, LinkedHashMap::new, Collectors.toList()));
        List<Entry> entries = new ArrayList<>();
        byOrder.forEach((order, files) -> {
            ProductFile first = files.get(0).file();
            entries.add(new Entry(order, first.product().title(), first.product().store().displayName(),
                    files.get(0).grantedAt(), files.stream().map(g -> fileEntry(g, newestLinks.get(g.id()), now)).toList()));
        });
        return entries;
    }

    /** A link just issued: where it is, until when it works, and how many of the purchase's downloads are left. */
    public record IssuedLink(String url, Instant expiresAt, int downloadsLeft) {
    }

    /**
     * A fresh link to one of the viewer's files; someone else's file is "not found", like one that does not exist. The
     * link draws on the purchase's downloads of the file, as every other link to it does: asking again gives a link,
     * never more downloads.
     *
     * @throws DeliveryException.Revoked when the purchase was refunded or disputed
     * @throws DeliveryException.UsedUp when the purchase's downloads of the file are spent
     */
    public IssuedLink link(Viewer viewer, long grantId) {
        DownloadGrant grant = em.find(DownloadGrant.class, grantId);
        if (grant == null || grant.file().product().isCourse() || !sees(viewer, grant)) {
            throw new DeliveryException("There is no such file in your library.");
        }
        return issue(grant);
    }

    /** The files of one order, for its thank-you page: the order's reference in the address is the buyer's proof. */
    public List<FileEntry> filesOf(long orderId) {
        List<DownloadGrant> grants = em.createQuery("SELECT g FROM DownloadGrant g JOIN FETCH g.file WHERE g.orderId = :order"
                        + " AND " + DOWNLOADS_ONLY + " ORDER BY g.id", DownloadGrant.class)
                .setParameter("order", orderId)
                .getResultList();
        Map<Long, DownloadLink> newest = newestLinks(grants);
        Instant now = clock.instant();
        return grants.stream().map(g -> fileEntry(g, newest.get(g.id()), now)).toList();
    }

    /** A fresh link to a file of one order, from its thank-you page; as {@link #link}, it draws on the purchase's downloads. */
    public IssuedLink linkInOrder(long orderId, long grantId) {
        DownloadGrant grant = em.find(DownloadGrant.class, grantId);
        if (grant == null || grant.orderId() != orderId || grant.file().product().isCourse()) {
            throw new DeliveryException("There is no such file in this order.");
        }
        return issue(grant);
    }

    /**
     * A fresh link to a file of a course, from the lesson it is in: the course's code has checked that the lesson is open
     * to the learner of this order. It draws on the purchase's downloads of the file, as every link does.
     */
    public IssuedLink linkToCourseFile(long orderId, long fileId) {
        DownloadGrant grant = em.createQuery("SELECT g FROM DownloadGrant g WHERE g.orderId = :order AND g.file.id = :file",
                        DownloadGrant.class)
                .setParameter("order", orderId).setParameter("file", fileId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new DeliveryException("This file is not part of your purchase."));
        return issue(grant);
    }

    private IssuedLink issue(DownloadGrant grant) {
        if (grant.isRevoked()) {
            throw new DeliveryException.Revoked("This purchase was " + grant.revokedReason() + ", so its files can no longer be downloaded.");
        }
        if (grant.isUsedUp()) {
            throw new DeliveryException.UsedUp("You have downloaded " + grant.file().fileName().value() + " as many times as"
                    + " your purchase allows (" + grant.allowance() + "). The seller can allow you more downloads.");
        }
        Instant now = clock.instant();
        DeliveryMails.FileLink issued = links.issue(grant, DownloadLink.IssuedFor.LIBRARY, now);
        return new IssuedLink(issued.downloadUrl(), now.plus(Duration.ofHours(issued.hours())), issued.downloads());
    }

    /**
     * Mails a one-time link to the library of everything bought with the address — only if something was, and at most
     * {@value #LINKS_PER_QUARTER_HOUR} per quarter hour. The caller says the same whatever happened, so the page
     * cannot be used to learn who bought here.
     */
    public void sendLink(EmailAddress email) {
        mailLink(email, null, links.libraryUrl() + "open");
    }

    /**
     * The same for a creator's own storefront: the link opens {@code openUrl} (a page of theirs, whose origin the store
     * allows) with {@code token=…} added, to be exchanged for a library token that shows that store's purchases only.
     */
    public void sendLink(EmailAddress email, long storeId, String openUrl) {
        mailLink(email, storeId, openUrl);
    }

    private void mailLink(EmailAddress email, Long storeId, String openUrl) {
        Instant now = clock.instant();
        var purchases = em.createQuery("SELECT g.id FROM DownloadGrant g WHERE g.buyerEmail = :email"
                        + (storeId == null ? "" : " AND g.storeId = :store"), Long.class)
                .setParameter("email", email.value())
                .setMaxResults(1);
        if (storeId != null) {
            purchases.setParameter("store", storeId);
        }
        boolean bought = !purchases.getResultList().isEmpty();
        long recent = em.createQuery("SELECT COUNT(l) FROM LibraryLink l WHERE l.email = :email AND l.createdAt > :since", Long.class)
                .setParameter("email", email.value())
                .setParameter("since", now.minus(Duration.ofMinutes(15)))
                .getSingleResult();
        if (!bought || recent >= LINKS_PER_QUARTER_HOUR) {
            return;
        }
        DownloadToken token = DownloadToken.generate();
        em.persist(new LibraryLink(email, storeId, token, now));
        outbox.enqueue(DeliveryMails.libraryLink(email, openUrl + (openUrl.contains("?") ? "&" : "?") + "token=" + token.value()));
    }

    /** Spends a library link: the address it proves, if it is unused and unexpired. */
    public Optional<EmailAddress> open(String token) {
        // A link asked for through a creator's storefront went to that creator's page: it opens that store's purchases
        // only (through the API), never the whole library here — and is not spent by trying.
        return find(token).filter(link -> link.storeId() == null).filter(link -> link.use(clock.instant())).map(LibraryLink::email);
    }

    /**
     * Spends a library link for an API library token; empty if the link is unknown.
     *
     * @throws DeliveryException.Spent the link is used already or has expired
     */
    public Optional<Access> openForApi(String token) {
        Optional<LibraryLink> found = find(token);
        if (found.isPresent() && !found.get().use(clock.instant())) {
            // Told apart from an unknown token (no guessing: tokens are 256 random bits) so the storefront can offer a
            // new link rather than call the link wrong.
            throw new DeliveryException.Spent("This library link was used already or has expired. Ask for a new one.");
        }
        return found.map(link -> {
            DownloadToken secret = DownloadToken.generate();
            LibrarySession session = new LibrarySession(link.email(), link.storeId(), secret, clock.instant());
            em.persist(session);
            return new Access(LibrarySession.PREFIX + secret.value(), session.expiresAt());
        });
    }

    /** Whose library an API library token reads, while it lives. */
    public Optional<Viewer> viewerOf(String token) {
        if (token == null || !token.startsWith(LibrarySession.PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return DownloadToken.parse(token.substring(LibrarySession.PREFIX.length()))
                .flatMap(t -> em.createQuery("SELECT s FROM LibrarySession s WHERE s.tokenHash = :hash", LibrarySession.class)
                        .setParameter("hash", t.hash())
                        .getResultStream().findFirst())
                .filter(session -> session.isLive(now))
                .map(LibrarySession::viewer);
    }

    /** The link with this token, its row locked: two clicks of one link spend it once. */
    private Optional<LibraryLink> find(String token) {
        return DownloadToken.parse(token).flatMap(t -> em.createQuery("SELECT l FROM LibraryLink l WHERE l.tokenHash = :hash",
                                LibraryLink.class)
                        .setParameter("hash", t.hash())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream().findFirst());
    }

    /** The grants of a page of the viewer's orders: the orders are found first, so a page never splits an order. */
    private List<DownloadGrant> grantsOf(Viewer viewer, Optional<Long> beforeOrderId, int orders) {
        String whose = (viewer.accountId() == null ? "g.buyerEmail = :who" : "g.buyerAccountId = :who")
                + (viewer.storeId() == null ? "" : " AND g.storeId = :store") + " AND " + DOWNLOADS_ONLY;
        Object who = viewer.accountId() == null ? viewer.guestEmail().value() : viewer.accountId();
        if (viewer.accountId() != null) {
            joinGuestPurchases(viewer.accountId());
        }
        var page = em.createQuery("SELECT DISTINCT g.orderId FROM DownloadGrant g WHERE " + whose
                        + (beforeOrderId.isPresent() ? " AND g.orderId < :before" : "") + " ORDER BY g.orderId DESC", Long.class)
                .setParameter("who", who)
                .setMaxResults(orders);
        if (viewer.storeId() != null) {
            page.setParameter("store", viewer.storeId());
        }
        beforeOrderId.ifPresent(before -> page.setParameter("before", before));
        List<Long> orderIds = page.getResultList();
        if (orderIds.isEmpty()) {
            return List.of();
        }
        var grants = em.createQuery("SELECT g FROM DownloadGrant g JOIN FETCH g.file WHERE g.orderId IN :orders AND " + whose
                        + " ORDER BY g.orderId DESC, g.id", DownloadGrant.class)
                .setParameter("orders", orderIds)
                .setParameter("who", who);
        if (viewer.storeId() != null) {
            grants.setParameter("store", viewer.storeId());
        }
        return grants.getResultList();
    }

    private void joinGuestPurchases(long accountId) {
        Optional<EmailAddress> verified = verifiedEmail(accountId);
        // A guest's purchases join the account once it has proven the address: they stay with it if the address changes.
        verified.ifPresent(email -> em.createQuery("UPDATE DownloadGrant g SET g.buyerAccountId = :account"
                        + " WHERE g.buyerEmail = :email AND g.buyerAccountId IS NULL")
                .setParameter("account", accountId)
                .setParameter("email", email.value())
                .executeUpdate());
    }

    private boolean sees(Viewer viewer, DownloadGrant grant) {
        if (viewer.storeId() != null && viewer.storeId() != grant.storeId()) {
            return false;
        }
        if (viewer.accountId() == null) {
            return grant.buyerEmail().equals(viewer.guestEmail().value());
        }
        return grant.buyerAccountId().map(viewer.accountId()::equals)
                .orElseGet(() -> verifiedEmail(viewer.accountId()).map(e -> e.value().equals(grant.buyerEmail())).orElse(false));
    }

    private Optional<EmailAddress> verifiedEmail(long accountId) {
        return accounts.find(accountId).filter(Account::isEmailVerified).map(Account::email);
    }

    private Map<Long, DownloadLink> newestLinks(List<DownloadGrant> grants) {
        if (grants.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT l FROM DownloadLink l WHERE l.grant IN :grants ORDER BY l.issuedAt", DownloadLink.class)
                .setParameter("grants", grants)
                .getResultStream()
                .collect(Collectors.toMap(l -> l.grant().id(), Function.identity(), (older, newer) -> newer));
    }

    private static FileEntry fileEntry(DownloadGrant grant, DownloadLink newest, Instant now) {
        boolean live = newest != null && newest.state(now) == DownloadLink.State.USABLE;
        return new FileEntry(grant.id(), grant.file().fileName().value(), grant.file().sizeBytes(), grant.isRevoked(),
                grant.downloadsLeft(), live ? newest.expiresAt() : null);
    }
}
