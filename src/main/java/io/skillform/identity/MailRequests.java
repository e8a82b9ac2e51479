package io.skillform.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Bounds the mails anyone can have us send to an address — a sign-up's confirmation, "someone tried to sign up with
 * your address", a password reset — per recipient and per client address: a scanner or a prankster cannot flood an
 * inbox (208 mails to one address in a scan) nor make us pay an Argon2 hash per request. Counted per request, whether
 * or not a mail goes out, so that hitting the limit tells nothing about which addresses have accounts.
 */
@Stateless
public class MailRequests {

    /** All such mails to one address together, per clock hour. */
    static final ThrottlePolicy PER_RECIPIENT = new ThrottlePolicy.PerWindow(5, Duration.ofHours(1));
    /** Requests from one client address, for any recipients, per clock hour. */
    static final ThrottlePolicy PER_CLIENT = new ThrottlePolicy.PerWindow(20, Duration.ofHours(1));

    @Inject
    private Throttles throttles;

    /**
     * Counts a request that may mail {@code recipient}, made from {@code client}.
     *
     * @throws IdentityException with when to try again, once either has made too many this hour
     */
    public void claim(EmailAddress recipient, String client) {
        // Always in this order (recipient, then client), so that claims locking the same rows never deadlock.
        throttles.claim(List.of(new Throttles.Limit("mail-to:" + recipient.value(), PER_RECIPIENT),
                        new Throttles.Limit("mail-from:" + client, PER_CLIENT)))
                .ifPresent(lock -> {
                    throw new IdentityException("Too many e-mails were asked for, to this address or from your network."
                            + " Try again in " + Math.max(1, (lock.toSeconds() + 59) / 60) + " minutes.");
                });
    }
}
