package io.skillform.platform;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * Cache-Control of every page (registered in faces-config.xml for PreRenderViewEvent: the view is built, nothing is
 * written yet): a page that carries a session — a signed-in account's header, a form's view state — is never stored
 * by a browser or a proxy ({@code private, no-store}: not even the back button shows it after logging out); a page
 * without one (the storefront for visitors) may be kept but is asked for again each time ({@link #STATELESS}), so a
 * visitor sees a catalog change at once.
 */
public class PageCaching implements SystemEventListener {

    static final String WITH_SESSION = "private, no-store";
    static final String STATELESS = "no-cache";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        // A view that is not transient keeps its state in the session, which it creates while it is written.
        boolean session = external.getSession(false) != null || !((UIViewRoot) event.getSource()).isTransient();
        external.setResponseHeader("Cache-Control", session ? WITH_SESSION : STATELESS);
    }
}
