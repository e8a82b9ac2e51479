package io.skillform.platform;

import jakarta.faces.context.ExternalContext;
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

    /** 301 to another address of the site (a path), from a view action: the page has moved for good. */
    public static void movedPermanently(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(301);
        external.setResponseHeader("Location", external.getRequestContextPath() + path);
        faces.responseComplete();
    }

    /**
     * The outcome of an action that changed something: the browser is sent back to the page's own address
     * (post/redirect/get), so a reload does not post again, and the messages follow it there.
     */
    public static String reloadPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }
}
