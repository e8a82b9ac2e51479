package io.skillform.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease of a job that runs on one node of a cluster at a time (a row per job in {@code job_lease}, made by the
 * job's migration). It is short and kept only by renewing it, so a node that dies mid-run holds its job until the lease
 * lapses — seconds, not the length of a run. Every taking counts the fencing token up: a node whose lease lapsed and was
 * taken by another holds an old token, and neither renews nor confirms the lease with it any more.
 */
@Entity
@Table(name = "job_lease")
public class JobLease {

    @Id
    @Column(length = 64)
    private String name;

    @Column(length = 100)
    private String holder;

    @Column(name = "leased_until", nullable = false)
    private Instant leasedUntil;

    @Column(nullable = false)
    private long fence;

    protected JobLease() {
        // for JPA
    }

    /** Takes the lease if nobody holds it (free, or lapsed); answers the new token, or -1 if it is held. */
    long take(String newHolder, Instant now, Duration length) {
        if (isHeld(now)) {
            return -1;
        }
        holder = newHolder;
        leasedUntil = now.plus(length);
        return ++fence;
    }

    /** Extends the lease of the holder with this token; false once it has lapsed or another has taken it. */
    boolean renew(String holderName, long token, Instant now, Duration length) {
        if (!isHeldBy(holderName, token, now)) {
            return false;
        }
        leasedUntil = now.plus(length);
        return true;
    }

    /** Frees the lease if this token still holds it; a stale holder frees nothing (the lease is another's). */
    void release(String holderName, long token, Instant now) {
        if (holderName.equals(holder) && token == fence) {
            holder = null;
            leasedUntil = now;
        }
    }

    /** Whether this holder's lease with this token is in force: a lapsed lease is lost, even before another takes it. */
    boolean isHeldBy(String holderName, long token, Instant now) {
        return isHeld(now) && holderName.equals(holder) && token == fence;
    }

    private boolean isHeld(Instant now) {
        return holder != null && leasedUntil.isAfter(now);
    }

    String holder() {
        return holder;
    }

    Instant leasedUntil() {
        return leasedUntil;
    }

    long fence() {
        return fence;
    }
}
