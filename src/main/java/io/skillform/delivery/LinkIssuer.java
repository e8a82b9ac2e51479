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

    /** A new link, persisted, as a mail shows it: the token exists only in the returned URL. */
    DeliveryMails.FileLink issue(DownloadGrant grant, DownloadLink.IssuedFor purpose, Instant now) {
        DownloadGrant.IssuedLink issued = grant.issueLink(purpose, now);
        em.persist(issued.link());
        ProductFile file = grant.file();
        return new DeliveryMails.FileLink(file.product().title(), file.fileName().value(), file.sizeBytes(),
                site.url("/download/" + issued.token().value()), grant.downloadLimit(), grant.linkLifetimeHours());
    }

    String libraryUrl() {
        return site.url("/library/");
    }

    String orderUrl(String reference) {
        return site.url("/order?ref=" + reference);
    }
}
