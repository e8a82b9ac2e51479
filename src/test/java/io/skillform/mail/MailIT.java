package io.skillform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import io.skillform.testing.TestAccounts;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox through JMS and Jakarta Mail to a real SMTP server (the GreenMail dev catcher), and back. */
@ExtendWith(ArquillianExtension.class)
class MailIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(MailIT.class, TestAccounts.class);
    }

    @Inject
    Outbox outbox;

    @Inject
    DevMailCatcher catcher;

    @PersistenceContext(unitName = "skillform")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private Optional<MimeMessage> caught(String subject) {
        return catcher.received().orElseThrow().stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    @Test
    void aCommittedMailArrivesOverSmtpWithItsOutboxMessageId() throws Exception {
        String subject = "Hello " + TestAccounts.uniqueEmail();
        tx.begin();
        long id = outbox.enqueue(new MailMessage(TestAccounts.uniqueEmail(), subject, "Plain body", "<p>HTML body</p>")).id();
        tx.commit();

        MimeMessage received = Eventually.within(DELIVERY, () -> caught(subject)).orElseThrow();
        // Outside a transaction every find reads the database afresh.
        OutboundMail stored = Eventually.within(DELIVERY, () -> Optional.ofNullable(em.find(OutboundMail.class, id))
                .filter(OutboundMail::isSent)).orElseThrow(() -> new AssertionError("the outbox row is marked sent"));
        assertEquals(stored.messageId(), received.getMessageID());
        assertTrue(received.isMimeType("multipart/alternative"));
        assertEquals(1, stored.attempts());
    }

    @Test
    void theOutboxKeepsNoWorkingLinkOnceTheMailIsSent() throws Exception {
        String subject = "Your link " + TestAccounts.uniqueEmail();
        String link = "https://shop.example.test/download/secret-" + UUID.randomUUID();
        tx.begin();
        long id = outbox.enqueue(new MailMessage(TestAccounts.uniqueEmail(), subject, "Download: " + link + "\n",
                "<a href=\"" + link + "\">Download</a>", List.of(link))).id();
        tx.commit();

        MimeMessage received = Eventually.within(DELIVERY, () -> caught(subject)).orElseThrow();
        OutboundMail stored = Eventually.within(DELIVERY, () -> Optional.ofNullable(em.find(OutboundMail.class, id))
                .filter(OutboundMail::isSent)).orElseThrow(() -> new AssertionError("the outbox row is marked sent"));
        // SMTP carries lines ending in CRLF.
        String sent = ((String) ((MimeMultipart) received.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertEquals("Download: " + link + "\n", sent, "the recipient gets the link");
        assertEquals("Download: [link removed after sending]\n", stored.text());
        assertEquals("<a href=\"[link removed after sending]\">Download</a>", stored.html());
    }

    @Test
    void aRolledBackChangeSendsNoMail() throws Exception {
        String subject = "Never " + TestAccounts.uniqueEmail();
        tx.begin();
        long id = outbox.enqueue(new MailMessage(TestAccounts.uniqueEmail(), subject, "Body", null)).id();
        tx.rollback();

        String marker = "Marker " + TestAccounts.uniqueEmail();
        tx.begin();
        outbox.enqueue(new MailMessage(TestAccounts.uniqueEmail(), marker, "Body", null));
        tx.commit();

        assertTrue(Eventually.within(DELIVERY, () -> caught(marker)).isPresent());
        Thread.sleep(1000);
        assertTrue(caught(subject).isEmpty(), "no mail for the rolled-back change");
        assertEquals(null, em.find(OutboundMail.class, id), "no outbox row either");
    }

    @Test
    void mailCanOnlyBeRecordedAsPartOfAChange() {
        assertThrows(EJBTransactionRequiredException.class,
                () -> outbox.enqueue(new MailMessage(TestAccounts.uniqueEmail(), "Orphan", "Body", null)));
    }
}
