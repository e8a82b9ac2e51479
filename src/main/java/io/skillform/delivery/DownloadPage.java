package io.skillform.delivery;

import io.skillform.platform.DateFormatter;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.storage.Sizes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;

/**
 * Backs /file?t=…, the page a mailed download link opens: the file, what is left of the purchase's downloads of it, and
 * the button that downloads it (/download/…). Mail scanners open the links in a mail before the buyer does; opening
 * this page spends nothing, so they no longer take the buyer's downloads. A link that no longer works says why, and
 * offers a fresh one as the 410 page does.
 */
@Named
@RequestScoped
public class DownloadPage {

    @Inject
    private Downloads downloads;

    @Inject
    private DateFormatter dates;

    private String token;
    private Downloads.LinkView link;

    public void load() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        // The token is a secret, as on /download: not passed on to other sites, not cached, not indexed.
        context.setResponseHeader("Referrer-Policy", "no-referrer");
        context.setResponseHeader("Cache-Control", "private, no-store");
        context.setResponseHeader("X-Robots-Tag", "noindex");
        Optional<Downloads.LinkView> found = DownloadToken.parse(token).flatMap(downloads::look);
        if (found.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        link = found.get();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Downloads.LinkView getLink() {
        return link;
    }

    public String getSize() {
        return Sizes.format(link.size());
    }

    /** "4 downloads left of your purchase …; this link works until …" */
    public String getLeft() {
        return PageMessages.text("download.page.left", link.downloadsLeft(), dates.format(link.expiresAt()));
    }
}
