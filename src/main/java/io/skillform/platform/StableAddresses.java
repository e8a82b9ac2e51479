package io.skillform.platform;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewMetadata;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Makes a form post to the address the page was opened at, so the address bar still names the page after a
 * post: Faces posts to the bare view ({@code /dashboard/product}, without its {@code ?id=}; {@code
 * /library/index.xhtml} for {@code /library/}; {@code /product} for a storefront address it was forwarded
 * from), and reloading, bookmarking or sharing that address after a validation error or a message then gave a
 * 404 or another page. The form's address gets the page's view parameters, the clean path, or the storefront
 * address the visitor asked for. Redirects get the clean path too.
 *
 * <p>The parameters only while rendering the current view: redirects and links built with {@code includeViewParams} add the
 * view parameters themselves and must not get them twice.
 */
public class StableAddresses extends ViewHandlerWrapper {

    private static final String XHTML = ".xhtml";

    public StableAddresses(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = cleanPath(super.getActionURL(context, viewId));
        UIViewRoot view = context.getViewRoot();
        if (context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE || view == null || !viewId.equals(view.getViewId())) {
            return url;
        }
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (forwardedFrom != null) {
            return forwardedFrom.toString();
        }
        return withViewParameters(url, context, view);
    }

    private static String cleanPath(String url) {
        if (url.endsWith("/index" + XHTML)) {
            return url.substring(0, url.length() - ("index" + XHTML).length());
        }
        return url.endsWith(XHTML) ? url.substring(0, url.length() - XHTML.length()) : url;
    }

    private static String withViewParameters(String url, FacesContext context, UIViewRoot view) {
        StringJoiner query = new StringJoiner("&");
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(view)) {
            String value = parameter.getStringValue(context);
            if (value != null && !value.isEmpty()) {
                query.add(encode(parameter.getName()) + "=" + encode(value));
            }
        }
        return query.length() == 0 ? url : url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
