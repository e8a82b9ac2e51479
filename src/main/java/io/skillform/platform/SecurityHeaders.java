package io.skillform.platform;

import io.skillform.storage.BlobStore;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Security headers on every response (declared first in web.xml, so error pages get them too). The one response the
 * application does not make, WildFly's /openapi, gets them from the server's configuration (configure-server.cli).
 * <p>
 * Scripts: PrimeFaces writes inline widget scripts, hence 'unsafe-inline'; everything else is same-origin
 * only, no plugins, no framing. Forms post only to this site — whose answer to "pay" is a redirect to the PSP's
 * hosted page, which form-action governs too: so Stripe Checkout and the site's own address (the dev gateway's
 * page, when the site is reached under another name) are allowed as well.
 * TODO(csp): switch on PrimeFaces' CSP mode (nonces) and drop 'unsafe-inline' from script-src.
 */
public class SecurityHeaders extends HttpFilter {

    static final String STRIPE_CHECKOUT = "https://checkout.stripe.com";

    @Inject
    private Site site;

    @Inject
    private BlobStore blobs;

    private String contentSecurityPolicy;

    @Override
    public void init() {
        URI base = URI.create(site.getBaseUrl());
        String origin = base.getScheme() + "://" + base.getAuthority();
        contentSecurityPolicy = policy(origin, blobs.directOrigin());
    }

    static String policy(String siteOrigin, Optional<String> storageOrigin) {
        return String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            // A lesson's video plays from the app or, on S3, from the bucket's pre-signed URL it redirects to.
            "media-src 'self'" + storageOrigin.map(o -> " " + o).orElse(""),
            "object-src 'none'",
            // Course videos play in the providers' privacy-friendly players, and only theirs (io.skillform.course.block.EmbedBlock).
            "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
            "base-uri 'self'",
            "form-action 'self' " + siteOrigin + " " + STRIPE_CHECKOUT,
            "frame-ancestors 'none'");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!response.containsHeader("Referrer-Policy")) {
            // On an error dispatch the servlet's own policy stays (a download link's 410 page sends no referrer).
            response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        chain.doFilter(request, response);
    }
}
