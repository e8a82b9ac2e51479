package io.skillform.testing;

import java.io.File;
import java.net.URI;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application under test is the real WAR the build produced, not a hand-picked subset of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive app() {
        String war = System.getProperty("skillform.it.war", "target/skillform.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war));
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
