package io.skillform.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public address of this installation ({@code SKILLFORM_BASE_URL}). Links that leave the page —
 * canonical and OpenGraph URLs, and later e-mails and PSP redirects — are built from it, never from the
 * request's Host header, which a client controls.
 */
@Named("site")
@ApplicationScoped
public class Site {

    @Inject
    @ConfigProperty(name = "skillform.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** The base URL without a trailing slash. */
    public String getBaseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An absolute URL for a path that starts with "/". */
    public String url(String path) {
        return getBaseUrl() + path;
    }
}
