package io.skillform.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that use the application from outside, as a browser or an HTTP client does: the real WAR
 * deployed as is, and its address. Subclasses add {@code @RunAsClient}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ClientTest {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.app();
    }

    /** An absolute URL on the server under test for a path starting with "/" ("" for the site root). */
    protected String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
