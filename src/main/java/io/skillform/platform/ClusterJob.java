package io.skillform.platform;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A scheduled job that runs on one node of a cluster at a time: every node has the timer, the first to take the
 * job's {@link JobLease} runs it, keeping the lease by a heartbeat while it runs. Held by the job's singleton bean; the
 * work runs in the caller's own transaction context (the lease's updates commit on their own).
 */
public final class ClusterJob {

    private static final Logger LOG = Logger.getLogger(ClusterJob.class.getName());

    private final String name;
    private final String node = UUID.randomUUID().toString();

    public ClusterJob(String name) {
        this.name = name;
    }

    /**
     * Starts the timer: first after at most {@code firstAfterAtMost} (sooner for a short interval), then every
     * {@code intervalSeconds}; none for 0.
     */
    public void schedule(TimerService timers, long intervalSeconds, Duration firstAfterAtMost) {
        if (intervalSeconds > 0) {
            Duration interval = Duration.ofSeconds(intervalSeconds);
            Duration first = interval.compareTo(firstAfterAtMost) < 0 ? interval : firstAfterAtMost;
            timers.createIntervalTimer(first.toMillis(), interval.toMillis(), new TimerConfig(name, false));
        }
    }

    /**
     * Runs the work if this node gets the lease; empty if another node has it, or took it over while the work ran (the
     * work stops at its next {@link Lease#requireHeld()} or {@link JobLeases#confirm}, its last writes rolled back).
     */
    public <T> Optional<T> runLeased(JobLeases leases, Function<Lease, T> work) {
        Optional<Lease> taken = leases.hold(name, node);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        try (Lease lease = taken.get()) {
            return Optional.of(work.apply(lease));
        } catch (LeaseLost lost) {
            LOG.warning(lost::getMessage);
            return Optional.empty();
        }
    }
}
