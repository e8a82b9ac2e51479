package io.skillform.testing;

import com.icegreen.greenmail.util.GreenMail;
import io.skillform.mail.DevMailCatcher;
import io.skillform.mail.DevMailServlet;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application under test is the real WAR the build produced, not a hand-picked subset of classes — plus the dev
 * mail catcher (GreenMail, {@code src/dev/java}), which the shipped WAR leaves out and the tests read mail from.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive app() {
        String war = System.getProperty("skillform.it.war", "target/skillform.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addClasses(DevMailCatcher.class, DevMailServlet.class)
                .addAsLibrary(jarOf(GreenMail.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The WAR plus the given test classes, for tests that run inside the server. */
    public static WebArchive appWith(Class<?>... testClasses) {
        return app().addClasses(testClasses).addClass(Deployments.class).addClass(Eventually.class);
    }

    /** The application's address, from the test JVM (its configuration) or from inside the server (its port offset). */
    public static URI baseUrl() {
        String configured = System.getProperty("skillform.it.baseUrl");
        return URI.create(configured != null ? configured
                : "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/");
    }
}
