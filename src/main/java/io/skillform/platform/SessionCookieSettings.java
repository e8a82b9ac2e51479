package io.skillform.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;

/**
 * Marks the session cookie Secure when the site is served over https (SKILLFORM_BASE_URL), so it never travels
 * in clear text; HttpOnly and SameSite=Lax come from web.xml. Must run while the application starts: cookie
 * settings are frozen afterwards.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Inject
    private Site site;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(isHttps(site.getBaseUrl()));
    }

    static boolean isHttps(String baseUrl) {
        return baseUrl.toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
