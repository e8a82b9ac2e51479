package io.skillform.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Logger;

/** Sends one outbox mail over SMTP. */
@Stateless
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/skillform")
    private Session mailSession;

    private final Clock clock = Clock.systemUTC();

    /**
     * Sends the mail unless it was sent already (a redelivered message). Not locked while sending: a failure is
     * recorded in a separate transaction on the same row. A duplicate send (a crash between SMTP and commit)
     * carries the same Message-ID, so mail clients show it once.
     */
    public void deliver(long outboundMailId) throws MessagingException {
        OutboundMail mail = em.find(OutboundMail.class, outboundMailId);
        if (mail == null) {
            LOG.warning(() -> "No outbox mail " + outboundMailId + "; nothing to send");
            return;
        }
        if (mail.isSent()) {
            return;
        }
        Transport.send(toMime(mail));
        mail.markSent(clock.instant());
    }

    /** Kept even when the delivery's transaction rolls back, so the outbox shows why a mail is stuck. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(long outboundMailId, String error) {
        OutboundMail mail = em.find(OutboundMail.class, outboundMailId);
        if (mail != null && !mail.isSent()) {
            mail.recordFailure(error);
        }
    }

    private MimeMessage toMime(OutboundMail mail) throws MessagingException {
        String messageId = mail.messageId();
        MimeMessage mime = new MimeMessage(mailSession) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The outbox's stable id: a resend is recognisably the same mail.
                setHeader("Message-ID", messageId);
            }
        };
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient()));
        mime.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        if (mail.html() == null) {
            mime.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        return mime;
    }
}
