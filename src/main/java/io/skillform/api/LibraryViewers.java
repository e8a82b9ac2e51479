package io.skillform.api;

import io.skillform.course.Learner;
import io.skillform.delivery.Library;
import io.skillform.identity.Account;
import io.skillform.identity.Accounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Who reads a library over the API: the holder of a library token ({@code Bearer sfl_…}, perhaps limited to one store's
 * purchases), or the browser signed in to SkillForm itself ({@link BrowserSession}).
 */
@RequestScoped
public class LibraryViewers {

    private static final String BEARER = "Bearer ";

    @Inject
    private Library library;

    @Inject
    private BrowserSession browserSession;

    @Inject
    private RateLimits rateLimits;

    @Inject
    private Accounts accounts;

    /** @throws ApiException 401 without a valid token or session */
    public Library.Viewer of(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Library.Viewer viewer = library.viewerOf(authorization.substring(BEARER.length()).strip()).orElseThrow(() -> unauthorized(
                    "This library token is not valid or has expired. Ask for a new library link."));
            rateLimits.accepted(authorization);
            return viewer;
        }
        return browserSession.viewer().orElseThrow(() -> unauthorized(
                "Send a library token (Authorization: Bearer sfl_…), from POST /api/v1/library/sessions."));
    }

    /** The viewer as a learner of courses: an account with its verified address, or a guest's proven address. */
    public Learner learner(Library.Viewer viewer) {
        if (viewer.accountId() == null) {
            return Learner.guest(viewer.guestEmail());
        }
        return Learner.account(viewer.accountId(), accounts.find(viewer.accountId()).filter(Account::isEmailVerified).map(Account::email));
    }

    private static ApiException unauthorized(String detail) {
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, detail);
        return new ApiException(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"skillform-library\"").build());
    }
}
