package io.skillform.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Takes, renews and frees the {@link JobLease}s of cluster jobs, each step under the lease row's lock and in a
 * transaction of its own (a renewal must commit while the job's own work goes on).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeases {

    /**
     * How long a lease lasts unless renewed: how long a job waits after its node died. Renewed every
     * {@link #RENEW_EVERY}, so two renewals in a row may fail (a slow database) before the lease is lost.
     */
    public static final Duration LENGTH = Duration.ofSeconds(30);
    public static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Heartbeats heartbeats;

    private final Clock clock = Clock.systemUTC();

    /** Takes the job's lease if nobody holds it, renewed every {@link #RENEW_EVERY} until it is closed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Lease> hold(String job, String holder) {
        // Through the container, so that each step has its transaction (also on the heartbeat's thread).
        JobLeases self = context.getBusinessObject(JobLeases.class);
        return self.take(job, holder).map(lease -> {
            Heartbeats.Heartbeat heartbeat = heartbeats.start(RENEW_EVERY, () -> self.renew(lease));
            lease.onClose(() -> {
                heartbeat.close();
                self.release(lease);
            });
            return lease;
        });
    }

    /** The lease without its heartbeat: who holds it must renew it. */
    public Optional<Lease> take(String job, String holder) {
        long fence = lock(job).take(holder, clock.instant(), LENGTH);
        return fence < 0 ? Optional.empty() : Optional.of(new Lease(job, holder, fence));
    }

    /** False (and the lease marked lost) once it has lapsed or another node has taken it. */
    public boolean renew(Lease lease) {
        boolean held = lock(lease.job()).renew(lease.holder(), lease.fence(), clock.instant(), LENGTH);
        if (!held) {
            lease.lost();
        }
        return held;
    }

    public void release(Lease lease) {
        lock(lease.job()).release(lease.holder(), lease.fence(), clock.instant());
    }

    /**
     * Checks, in the caller's transaction, that the lease is still this holder's, and keeps the lease row locked until
     * that transaction ends: another node can take the lease only after these writes are committed, and a holder that
     * lost it gets {@link LeaseLost}, which rolls them back.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void confirm(Lease lease) {
        if (!lock(lease.job()).isHeldBy(lease.holder(), lease.fence(), clock.instant())) {
            lease.lost();
            throw new LeaseLost(lease);
        }
    }

    private JobLease lock(String job) {
        JobLease lease = em.find(JobLease.class, job, LockModeType.PESSIMISTIC_WRITE);
        if (lease == null) {
            throw new IllegalStateException("No lease row for job " + job + ": its migration adds one");
        }
        return lease;
    }
}
