package io.skillform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.catalog.StoreHandle;
import io.skillform.identity.Accounts;
import io.skillform.testing.Deployments;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.Eventually;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JMS round trip: a use case records an audit entry, the message-driven bean appends it. And the
 * transactional guarantee: when the use case's transaction rolls back, the message is never delivered.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(AuditTrailIT.class, TestAccounts.class);
    }

    @Inject
    Catalog catalog;

    @Inject
    Accounts accounts;

    private long owner() {
        return TestAccounts.creator(accounts).id();
    }

    @Inject
    AuditTrail auditTrail;

    @Inject
    AuditLog auditLog;

    @Resource
    UserTransaction tx;

    @Test
    void aCommittedUseCaseReachesTheAuditLogThroughTheQueue() throws InterruptedException {
        StoreHandle handle = new StoreHandle("audit-" + UUID.randomUUID().toString().substring(0, 8));
        Store store = catalog.openStore(handle, "Audited", Currency.getInstance("USD"), owner());

        Optional<AuditEvent> event = Eventually.within(DELIVERY, () -> auditLog.latest(100).stream()
                .filter(e -> e.subject().equals("store:" + store.id())).findFirst());
        assertTrue(event.isPresent(), "the audit entry arrives through the queue");
        assertEquals("store.opened", event.get().action());
        assertEquals("@" + handle, event.get().detail());
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        AuditEntry rolledBack = AuditEntry.of("test.rolled-back", "test:" + UUID.randomUUID(), "test", "");
        tx.begin();
        auditTrail.record(rolledBack);
        tx.rollback();

        // A later committed message on the same queue: the broker dispatches in order, so once this one is
        // appended (plus a grace period for consumers running in parallel), an earlier one would be too.
        AuditEntry committed = AuditEntry.of("test.committed", "test:" + UUID.randomUUID(), "test", "");
        tx.begin();
        auditTrail.record(committed);
        tx.commit();

        assertTrue(Eventually.within(DELIVERY, () -> auditLog.find(committed.id().toString())).isPresent(),
                "the committed entry arrives");
        Thread.sleep(1000);
        assertTrue(auditLog.find(rolledBack.id().toString()).isEmpty(), "the rolled-back entry never arrives");
    }

    @Test
    void aRedeliveredEntryIsAppendedOnce() throws InterruptedException {
        AuditEntry entry = AuditEntry.of("test.twice", "test:" + UUID.randomUUID(), "test", "");
        auditTrail.record(entry);
        auditTrail.record(entry);
        AuditEntry marker = AuditEntry.of("test.marker", "test:" + UUID.randomUUID(), "test", "");
        auditTrail.record(marker);

        assertTrue(Eventually.within(DELIVERY, () -> auditLog.find(marker.id().toString())).isPresent());
        assertEquals(1, auditLog.latest(100).stream().filter(e -> e.entryId().equals(entry.id().toString())).count());
    }
}
