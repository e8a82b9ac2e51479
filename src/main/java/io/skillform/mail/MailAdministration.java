package io.skillform.mail;

import io.skillform.identity.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.shiro.SecurityUtils;

/**
 * What an admin sees of mail that did not go out: outbox rows still pending a while after they were written —
 * the broker is retrying them, or gave up and dead-lettered the message — and a "send again" that puts a fresh
 * message on the queue. Admins only: checked here too, not just by the /admin/ URL rule.
 */
@Stateless
public class MailAdministration {

    /** Longer than the broker's whole retry schedule (1 + 2 + 4 + … s, capped at 1 min, 6 attempts). */
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/skillform.mail")
    private Queue queue;

    private final Clock clock = Clock.systemUTC();

    public List<OutboundMail> stuck() {
        requireAdmin();
        return em.createQuery("SELECT m FROM OutboundMail m WHERE m.status = :pending AND m.createdAt < :before"
                        + " ORDER BY m.createdAt", OutboundMail.class)
                .setParameter("pending", OutboundMail.Status.PENDING)
                .setParameter("before", clock.instant().minus(STUCK_AFTER))
                .setMaxResults(100)
                .getResultList();
    }

    /** Queues the mail for sending again; a mail that went out in the meantime is not sent twice. */
    public void retry(long outboundMailId) {
        requireAdmin();
        OutboundMail mail = em.find(OutboundMail.class, outboundMailId);
        if (mail != null && !mail.isSent()) {
            jms.createProducer().send(queue, mail.id());
        }
    }

    private static void requireAdmin() {
        SecurityUtils.getSubject().checkRole(Role.ADMIN.shiroName());
    }
}
