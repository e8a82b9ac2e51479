package io.skillform.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.renderkit.HeadRenderer;

/**
 * {@code <h:head>} (registered in faces-config.xml in place of PrimeFaces' own): PrimeFaces' theme, icons, locale
 * and settings script only on a page that has a PrimeFaces component. PrimeFaces adds its theme (213 KB) to every
 * page otherwise, and the storefront, checkout and account pages — plain HTML, meant to read without JavaScript —
 * would carry it for nothing; they get the site's own stylesheet alone.
 */
public class PageHead extends HeadRenderer {

    /** The library PrimeFaces' components name their scripts and stylesheets with (components.js, core.js …). */
    private static final String PRIMEFACES = "primefaces";

    @Override
    public void encodeBegin(FacesContext context, UIComponent head) throws IOException {
        if (usesPrimeFaces(context)) {
            super.encodeBegin(context, head);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("head", head);
        writer.writeAttribute("id", head.getClientId(context), "id");
        for (UIComponent resource : context.getViewRoot().getComponentResources(context, "head")) {
            resource.encodeAll(context);
        }
    }

    /** A component's resources are in the view once it is built (they are added with the component). */
    private static boolean usesPrimeFaces(FacesContext context) {
        return context.getViewRoot().getComponentResources(context).stream()
                .anyMatch(resource -> PRIMEFACES.equals(resource.getAttributes().get("library")));
    }
}
