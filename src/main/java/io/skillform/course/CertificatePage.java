package io.skillform.course;

import io.skillform.platform.PageResponses;
import io.skillform.platform.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Backs the public page of a certificate, {@code /certificates/<id>}: genuine (who, what, by whom, when) or withdrawn. */
@Named
@RequestScoped
public class CertificatePage {

    @Inject
    private Certificates certificates;

    @Inject
    private Site site;

    private String id;
    private Certificate certificate;

    public void load() throws IOException {
        certificate = certificates.find(id).orElse(null);
        if (certificate == null) {
            PageResponses.notFound();
        }
    }

    public Certificate getCertificate() {
        return certificate;
    }

    public String getCheckUrl() {
        return CertificateServlet.checkUrl(site, certificate);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
