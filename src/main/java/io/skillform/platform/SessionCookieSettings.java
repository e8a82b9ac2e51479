package io.skillform.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;

/**
 * Marks the session cookie Secure when the site is served over https (SKILLFORM_BASE_URL), so it never travels
 * in clear text, and SameSite=Lax, so another site's page cannot post with it; HttpOnly comes from web.xml. Must run
 * while the application starts: cookie settings are frozen afterwards.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Inject
    private Site site;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(isHttps(site.getBaseUrl()));
        // Set here, not in web.xml's cookie-config: WildFly does not pass an <attribute> there on to Undertow, and the
        // cookie went out without it (LibraryApiIT reads the Set-Cookie header).
        cookie.setAttribute("SameSite", "Lax");
    }

    static boolean isHttps(String baseUrl) {
        return baseUrl.toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
