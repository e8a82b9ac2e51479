package io.skillform.webhook;

import io.skillform.platform.ClusterJob;
import io.skillform.platform.JobLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Every {@code SKILLFORM_WEBHOOKS_SWEEP_INTERVAL_SECONDS}, on one node of a cluster at a time, queues the deliveries
 * that have fallen due (the retry schedule lives in the database, not in the broker, so it survives restarts and is
 * visible in the log).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSweep {

    @Resource
    private TimerService timers;

    @Inject
    private JobLeases leases;

    @Inject
    private DeliveryRecords records;

    @Inject
    private WebhookSettings settings;

    private final ClusterJob job = new ClusterJob("webhook-sweep");

    @PostConstruct
    void schedule() {
        job.schedule(timers, settings.sweepIntervalSeconds(), Duration.ofSeconds(30));
    }

    @Timeout
    void onTimer() {
        job.runLeased(leases, records::sweep);
    }
}
