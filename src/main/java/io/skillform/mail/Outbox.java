package io.skillform.mail;

import io.skillform.platform.Site;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;

/** Records mail for sending, as part of the caller's transaction. */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/skillform.mail")
    private Queue queue;

    @Inject
    private Site site;

    private final Clock clock = Clock.systemUTC();

    /**
     * Mandatory: a mail belongs to the change that causes it (a sign-up, a payment) and must commit or roll
     * back with it — never be sent for a change that did not happen.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboundMail enqueue(MailMessage message) {
        String domain = URI.create(site.getBaseUrl()).getHost();
        OutboundMail mail = new OutboundMail(message, domain == null ? "skillform.local" : domain, clock.instant());
        em.persist(mail);
        em.flush();
        jms.createProducer().send(queue, mail.id());
        return mail;
    }
}
