package io.skillform.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Beats on the container's scheduler while some work runs in another thread: what keeps a lease or a claim alive that
 * lapses when its holder dies (a node killed mid-job, mid-request), so another can take it over within seconds.
 */
@ApplicationScoped
public class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /**
     * Runs {@code beat} every {@code period}, the first after one period, until the heartbeat is closed or a beat
     * answers false (what it keeps alive is gone). A beat that fails is logged and tried again at the next period: a
     * moment without the database must not end it — the lease lapses by itself if the beats never get through.
     */
    public Heartbeat start(Duration period, BooleanSupplier beat) {
        Heartbeat heartbeat = new Heartbeat(beat);
        heartbeat.future = scheduler.scheduleAtFixedRate(heartbeat::beat, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /** A running heartbeat; closing it stops it. */
    public static final class Heartbeat implements AutoCloseable {

        private final BooleanSupplier beat;
        private volatile Future<?> future;

        private Heartbeat(BooleanSupplier beat) {
            this.beat = beat;
        }

        private void beat() {
            try {
                if (!beat.getAsBoolean()) {
                    close();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A heartbeat did not get through; trying again at the next one", e);
            }
        }

        @Override
        public void close() {
            Future<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
