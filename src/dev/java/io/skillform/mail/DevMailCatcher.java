package io.skillform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dev run's SMTP server (GreenMail), started only when {@code SKILLFORM_DEV_MAIL=true}: outgoing mail
 * really travels over SMTP, and lands here instead of in someone's inbox. Readable at {@code /dev/mail}.
 * It keeps messages in memory only; a restart empties it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DevMailCatcher {

    private static final Logger LOG = Logger.getLogger(DevMailCatcher.class.getName());

    @Inject
    @ConfigProperty(name = "skillform.dev-mail", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "skillform.smtp.port", defaultValue = "2525")
    int port;

    private volatile GreenMail server;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LOG.info(() -> "Dev mail: catching SMTP on 127.0.0.1:" + port + "; read it at /dev/mail");
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public boolean isEnabled() {
        return server != null;
    }

    /** Every message received since start, oldest first; empty when dev mail is off. */
    public Optional<List<MimeMessage>> received() {
        GreenMail current = server;
        return current == null ? Optional.empty() : Optional.of(List.of(current.getReceivedMessages()));
    }

    /** The messages received for one address (its first To), oldest first; the tests read mail this way. */
    public List<MimeMessage> receivedFor(String to) {
        return received().orElseThrow(() -> new IllegalStateException("Dev mail is off")).stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
