package io.skillform.platform;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A scheduled job that runs on one node of a cluster at a time: every node has the timer, the first to take the
 * job's {@link JobLease} runs it. Held by the job's singleton bean; the work runs in the caller's own transaction
 * context (the lease's updates commit on their own).
 */
public final class ClusterJob {

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

    /** Runs the work if this node gets the lease (for at most {@code length}); empty if another node has it. */
    public <T> Optional<T> runLeased(JobLease lease, Duration length, Supplier<T> work) {
        if (!lease.take(name, node, length)) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            lease.release(name, node);
        }
    }
}
