package io.skillform.platform;

import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** Answers a page request with an HTTP status instead of the page. */
public final class PageResponses {

    private PageResponses() {
    }

    /**
     * 404 with the site's not-found page, from a view action. Used alike for missing objects and objects the
     * visitor may not see, so a page never reveals that something exists.
     */
    public static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "Not found");
        faces.responseComplete();
    }
}
