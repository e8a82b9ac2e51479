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
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the whole ledger every {@code SKILLFORM_LEDGER_TRIAL_BALANCE_INTERVAL_SECONDS} (one node at a time): every
 * transaction sums to zero, every stored balance equals the sum of its postings, no available balance is negative,
 * and the creators' day totals agree with their accounts. Discrepancies are logged and shown on /admin/ledger.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@AccessTimeout(0)
public class TrialBalance {

    private static final Logger LOG = Logger.getLogger(TrialBalance.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private TrialBalanceChecks checks;

    @Inject
    private JobLeases leases;

    @Inject
    @ConfigProperty(name = "skillform.ledger.trial-balance-interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    private final ClusterJob job = new ClusterJob("trial-balance");

    @PostConstruct
    void schedule() {
        job.schedule(timers, intervalSeconds, Duration.ofMinutes(5));
    }

    @Timeout
    void onTimer() {
        run();
    }

    /** One trial balance; empty if it is running elsewhere (or was taken over by another node meanwhile). */
    public Optional<TrialBalanceRun> run() {
        return job.runLeased(leases, lease -> {
            TrialBalanceRun run = checks.check(lease);
            if (!run.isBalanced()) {
                LOG.severe(() -> "Trial balance: " + run.problems() + " discrepancies in the ledger: " + run.report());
            }
            return run;
        });
    }
}
