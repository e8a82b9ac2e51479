package io.skillform.ledger;

import io.skillform.platform.ClusterJob;
import io.skillform.platform.JobLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves earnings from pending to available once their holding period is over, every
 * {@code SKILLFORM_LEDGER_RELEASE_INTERVAL_SECONDS}, on one node of a cluster at a time. Each order is released in a
 * transaction of its own, so a slow or failing one holds nothing else back.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@AccessTimeout(0)
public class EarningsRelease {

    private static final Logger LOG = Logger.getLogger(EarningsRelease.class.getName());
    private static final int BATCH = 500;

    @Resource
    private TimerService timers;

    @Inject
    private Earnings earnings;

    @Inject
    private JobLeases leases;

    @Inject
    @ConfigProperty(name = "skillform.ledger.release-interval-seconds", defaultValue = "900")
    long intervalSeconds;

    private final ClusterJob job = new ClusterJob("earnings-release");
    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void schedule() {
        job.schedule(timers, intervalSeconds, Duration.ofMinutes(2));
    }

    @Timeout
    void onTimer() {
        int released = releaseDue(clock.instant());
        if (released > 0) {
            LOG.info(() -> "Released the earnings of " + released + " orders");
        }
    }

    /** Releases every hold due at {@code asOf}; answers how many ended (0 if another node holds the job). */
    public int releaseDue(Instant asOf) {
        return job.runLeased(leases, lease -> {
            int released = 0;
            Set<Long> failed = new HashSet<>();
            List<Long> due;
            do {
                due = earnings.dueForRelease(asOf, BATCH);
                for (long orderId : due) {
                    // A node that lost the lease stops; a release is once per hold anyway (its row lock, its state).
                    lease.requireHeld();
                    try {
                        if (earnings.release(orderId, asOf)) {
                            released++;
                        }
                    } catch (RuntimeException e) {
                        // One order's failure holds back no other; it is tried again on the next run.
                        failed.add(orderId);
                        LOG.log(Level.WARNING, "Could not release the earning of order " + orderId, e);
                    }
                }
            } while (due.size() == BATCH && !failed.containsAll(due));
            return released;
        }).orElse(0);
    }
}
