package io.skillform.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Sends audit entries to the audit queue. The injected {@link JMSContext} uses the XA connection factory,
 * so inside a container transaction the send commits or rolls back with it.
 */
@ApplicationScoped
public class JmsAuditTrail implements AuditTrail {

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/skillform.audit")
    private Queue queue;

    @Override
    public void record(AuditEntry entry) {
        jms.createProducer().send(queue, entry.toJson());
    }
}
