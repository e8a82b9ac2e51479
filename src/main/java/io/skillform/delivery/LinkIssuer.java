package io.skillform.delivery;

import io.skillform.catalog.ProductFile;
import io.skillform.platform.Site;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Issues download links and builds the URLs mails carry; part of its caller's transaction. */
@Dependent
class LinkIssuer {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Site site;

    /**
     * A new link, persisted; the token exists only in the returned URLs: the file's page, which mails carry (opening
     * it spends nothing, so a mail scanner takes no download), and the download itself, which the library and the API
     * hand to a buyer who asked for it just now.
     */
    DeliveryMails.FileLink issue(DownloadGrant grant, DownloadLink.IssuedFor purpose, Instant now) {
        DownloadGrant.IssuedLink issued = grant.issueLink(purpose, now);
        em.persist(issued.link());
        ProductFile file = grant.file();
        String token = issued.token().value();
        return new DeliveryMails.FileLink(file.product().title(), file.fileName().value(), file.sizeBytes(),
                site.url("/file?t=" + token), site.url("/download/" + token), grant.downloadsLeft(), grant.linkLifetimeHours());
    }

    String libraryUrl() {
        return site.url("/library/");
    }

    String orderUrl(String reference) {
        return site.url("/order?ref=" + reference);
    }
}
