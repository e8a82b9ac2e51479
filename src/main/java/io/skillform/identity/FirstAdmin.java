package io.skillform.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, makes the account named by {@code SKILLFORM_ADMIN_EMAIL} an admin, creating it if needed. A new
 * admin's set-password link is mailed and also printed in the server log, for installations without mail yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "skillform.admin-email")
    Optional<String> adminEmail;

    @Inject
    private AccountAdministration administration;

    @PostConstruct
    void ensure() {
        if (adminEmail.isEmpty() || adminEmail.get().isBlank()) {
            return;
        }
        Optional<EmailAddress> email = EmailAddress.parse(adminEmail.get());
        if (email.isEmpty()) {
            LOG.severe("SKILLFORM_ADMIN_EMAIL is not a valid e-mail address; no admin was set up");
            return;
        }
        try {
            administration.ensureFirstAdmin(email.get()).ifPresent(link -> LOG.warning(
                    "First admin " + email.get() + " created. Set its password within 1 hour: " + link));
        } catch (RuntimeException e) {
            // E.g. another node of the cluster created it at the same moment (and sent the link). Never fatal:
            // the application must start; but say so loudly.
            LOG.log(Level.WARNING, "Could not set up the first admin " + email.get(), e);
        }
    }
}
