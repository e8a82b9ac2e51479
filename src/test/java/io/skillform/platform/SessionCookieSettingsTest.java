package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionCookieSettingsTest {

    @Test
    void secureExactlyWhenTheSiteIsHttps() {
        assertTrue(SessionCookieSettings.isHttps("https://shop.example.com"));
        assertTrue(SessionCookieSettings.isHttps("HTTPS://shop.example.com/"));
        assertFalse(SessionCookieSettings.isHttps("http://localhost:8080"));
    }
}
