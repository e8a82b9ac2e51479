package io.skillform.platform;

/**
 * A job's lease as this node holds it: the job, this node, and the fencing token its taking got. Renewed by a heartbeat
 * until closed; once a renewal finds it lost (lapsed, or taken by another node), {@link #requireHeld()} stops the job at
 * its next step, and {@link JobLeases#confirm} refuses the job's writes under the lease row's lock.
 */
public final class Lease implements AutoCloseable {

    private final String job;
    private final String holder;
    private final long fence;
    private volatile boolean lost;
    private Runnable onClose = () -> { };

    Lease(String job, String holder, long fence) {
        this.job = job;
        this.holder = holder;
        this.fence = fence;
    }

    /** Throws {@link LeaseLost} if a renewal found the lease gone: another node may be running the job now. */
    public void requireHeld() {
        if (lost) {
            throw new LeaseLost(this);
        }
    }

    void lost() {
        lost = true;
    }

    void onClose(Runnable action) {
        onClose = action;
    }

    /** Stops the heartbeat and frees the lease (if this token still holds it). */
    @Override
    public void close() {
        onClose.run();
    }

    public String job() {
        return job;
    }

    String holder() {
        return holder;
    }

    public long fence() {
        return fence;
    }

    @Override
    public String toString() {
        return job + " lease #" + fence + " of " + holder;
    }
}
