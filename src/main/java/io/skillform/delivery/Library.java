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
    static final int MAX_FILES = 500;
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
    public record Viewer(Long accountId, EmailAddress guestEmail) {

        public static Viewer account(long accountId) {
            return new Viewer(accountId, null);
        }

        public static Viewer guest(EmailAddress email) {
            return new Viewer(null, email);
        }
    }

    /** One purchase: the order, what was bought, and its files. */
    public record Entry(long orderId, String title, String storeName, Instant boughtAt, List<FileEntry> files) {
    }

    /** A file with the state of its newest link (none yet, or downloads left until it expires). */
    public record FileEntry(long grantId, String fileName, long size, boolean revoked, Integer downloadsLeft,
                            Instant linkExpiresAt) {
    }

    /** The viewer's purchases, newest first. */
    public List<Entry> of(Viewer viewer) {
        List<DownloadGrant> grants = grantsOf(viewer);
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

    /** A fresh link to one of the viewer's files; someone else's file is "not found", like one that does not exist. */
    public String link(Viewer viewer, long grantId) {
        DownloadGrant grant = em.find(DownloadGrant.class, grantId);
        if (grant == null || !sees(viewer, grant)) {
            throw new DeliveryException("There is no such file in your library.");
        }
        if (grant.isRevoked()) {
            throw new DeliveryException("This purchase was " + grant.revokedReason() + ", so its files can no longer be downloaded.");
        }
        return links.issue(grant, DownloadLink.IssuedFor.LIBRARY, clock.instant()).url();
    }

    /**
     * Mails a one-time link to the library of everything bought with the address — only if something was, and at most
     * {@value #LINKS_PER_QUARTER_HOUR} per quarter hour. The caller says the same whatever happened, so the page
     * cannot be used to learn who bought here.
     */
    public void sendLink(EmailAddress email) {
        Instant now = clock.instant();
        boolean bought = !em.createQuery("SELECT g.id FROM DownloadGrant g WHERE g.buyerEmail = :email", Long.class)
                .setParameter("email", email.value()).setMaxResults(1).getResultList().isEmpty();
        long recent = em.createQuery("SELECT COUNT(l) FROM LibraryLink l WHERE l.email = :email AND l.createdAt > :since", Long.class)
                .setParameter("email", email.value())
                .setParameter("since", now.minus(Duration.ofMinutes(15)))
                .getSingleResult();
        if (!bought || recent >= LINKS_PER_QUARTER_HOUR) {
            return;
        }
        DownloadToken token = DownloadToken.generate();
        em.persist(new LibraryLink(email, token, now));
        outbox.enqueue(DeliveryMails.libraryLink(email, links.libraryUrl() + "open?token=" + token.value()));
    }

    /** Spends a library link: the address it proves, if it is unused and unexpired. */
    public Optional<EmailAddress> open(String token) {
        return DownloadToken.parse(token).flatMap(t -> em.createQuery("SELECT l FROM LibraryLink l WHERE l.tokenHash = :hash",
                                LibraryLink.class)
                        .setParameter("hash", t.hash())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream().findFirst())
                .filter(link -> link.use(clock.instant()))
                .map(LibraryLink::email);
    }

    private List<DownloadGrant> grantsOf(Viewer viewer) {
        if (viewer.accountId() == null) {
            return em.createQuery("SELECT g FROM DownloadGrant g JOIN FETCH g.file WHERE g.buyerEmail = :email"
                            + " ORDER BY g.orderId DESC, g.id", DownloadGrant.class)
                    .setParameter("email", viewer.guestEmail().value())
                    .setMaxResults(MAX_FILES)
                    .getResultList();
        }
        Optional<EmailAddress> verified = verifiedEmail(viewer.accountId());
        // A guest's purchases join the account once it has proven the address: they stay with it if the address changes.
        verified.ifPresent(email -> em.createQuery("UPDATE DownloadGrant g SET g.buyerAccountId = :account"
                        + " WHERE g.buyerEmail = :email AND g.buyerAccountId IS NULL")
                .setParameter("account", viewer.accountId())
                .setParameter("email", email.value())
                .executeUpdate());
        return em.createQuery("SELECT g FROM DownloadGrant g JOIN FETCH g.file WHERE g.buyerAccountId = :account"
                        + " ORDER BY g.orderId DESC, g.id", DownloadGrant.class)
                .setParameter("account", viewer.accountId())
                .setMaxResults(MAX_FILES)
                .getResultList();
    }

    private boolean sees(Viewer viewer, DownloadGrant grant) {
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
                live ? newest.downloadsLeft() : null, live ? newest.expiresAt() : null);
    }
}
