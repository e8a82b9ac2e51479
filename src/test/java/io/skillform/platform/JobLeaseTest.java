package io.skillform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of a job's lease: short, kept by renewing, and fenced — every taking gets a new token. */
class JobLeaseTest {

    private static final Duration LENGTH = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aFreeLeaseIsTakenWithANewTokenAndRefusedToOthersWhileItIsHeld() {
        JobLease lease = new JobLease();

        assertEquals(1, lease.take("node-a", T0, LENGTH));
        assertEquals(T0.plus(LENGTH), lease.leasedUntil());
        assertEquals(-1, lease.take("node-b", T0.plusSeconds(29), LENGTH), "held for its length");
        assertEquals(-1, lease.take("node-a", T0.plusSeconds(1), LENGTH), "not taken twice, even by its holder");
        assertTrue(lease.isHeldBy("node-a", 1, T0.plusSeconds(29)));
        assertFalse(lease.isHeldBy("node-b", 1, T0.plusSeconds(1)));
    }

    @Test
    void aHeartbeatKeepsTheLeaseAndAHolderThatStoppedRenewingLosesItWhenItLapses() {
        JobLease lease = new JobLease();
        long token = lease.take("node-a", T0, LENGTH);

        for (int beat = 1; beat <= 6; beat++) {
            assertTrue(lease.renew("node-a", token, T0.plusSeconds(10L * beat), LENGTH), "beat " + beat);
        }
        assertEquals(-1, lease.take("node-b", T0.plusSeconds(61), LENGTH), "a run longer than the lease keeps it");
        assertEquals(token, lease.fence());

        // node-a dies after its beat at 60 s: 30 s later anyone may take the job.
        assertEquals(-1, lease.take("node-b", T0.plusSeconds(89), LENGTH));
        assertFalse(lease.isHeldBy("node-a", token, T0.plusSeconds(90)), "a lapsed lease is lost, taken over or not");
        assertFalse(lease.renew("node-a", token, T0.plusSeconds(90), LENGTH), "and not renewed");
        assertEquals(token + 1, lease.take("node-b", T0.plusSeconds(90), LENGTH));
        assertEquals("node-b", lease.holder());
    }

    @Test
    void aHolderFencedByANewerTokenCanNeitherRenewConfirmNorRelease() {
        JobLease lease = new JobLease();
        long stale = lease.take("node-a", T0, LENGTH);
        long current = lease.take("node-b", T0.plus(LENGTH), LENGTH);

        assertEquals(stale + 1, current);
        assertFalse(lease.renew("node-a", stale, T0.plusSeconds(31), LENGTH));
        assertFalse(lease.isHeldBy("node-a", stale, T0.plusSeconds(31)));
        lease.release("node-a", stale, T0.plusSeconds(31));
        assertTrue(lease.isHeldBy("node-b", current, T0.plusSeconds(31)), "a stale holder's release frees nothing");
        // Even under its own name: a restarted node that reuses a name has a token of the old taking.
        assertFalse(lease.renew("node-b", stale, T0.plusSeconds(31), LENGTH));

        lease.release("node-b", current, T0.plusSeconds(40));
        assertEquals(current + 1, lease.take("node-a", T0.plusSeconds(40), LENGTH), "released: free at once");
    }
}
