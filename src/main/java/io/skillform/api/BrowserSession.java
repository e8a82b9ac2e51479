package io.skillform.api;

import io.skillform.delivery.GuestLibrary;
import io.skillform.delivery.Library;
import io.skillform.identity.CurrentAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * The account of a browser signed in to SkillForm itself (or the guest who opened their library in it), for the API endpoints that take its session cookie instead
 * of a token (the buyer's library; every other endpoint takes a token or no one). It is the only way the API reads the
 * session, so this rule covers every write the cookie authenticates: it must be JSON. A page of another site can make
 * the browser post a form — text/plain, urlencoded or multipart — with the cookie, but not {@code application/json}
 * without a CORS preflight, which no origin passes with credentials ({@link Cors} never allows them).
 */
@RequestScoped
public class BrowserSession {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    private CurrentAccount me;

    @Inject
    private GuestLibrary guest;

    @Inject
    private HttpServletRequest request;

    /**
     * The signed-in account, or the guest who opened their library with a mailed link in this browser.
     *
     * @throws ApiException 415 for a signed-in write that is not JSON — refused before anything is looked up or changed
     */
    public Optional<Library.Viewer> viewer() {
        Optional<Library.Viewer> viewer = me.isLoggedIn() ? Optional.of(Library.Viewer.account(me.requireId()))
                : guest.email().map(Library.Viewer::guest);
        if (viewer.isPresent() && !SAFE_METHODS.contains(request.getMethod()) && !isJson(request.getContentType())) {
            throw new ApiException(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "A request signed in with the"
                    + " browser's session must be sent as Content-Type: application/json (the body may be empty), or with a"
                    + " token in Authorization: Bearer."));
        }
        return viewer;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
