package io.skillform.checkout;

import io.skillform.ledger.Earnings;
import io.skillform.payment.EventPage;
import io.skillform.payment.GatewayException;
import io.skillform.payment.PaymentEvent;
import io.skillform.payment.PaymentEventInbox;
import io.skillform.payment.PaymentFact;
import io.skillform.payment.PaymentGateway;
import io.skillform.payment.PaymentGateways;
import io.skillform.payment.PaymentProvider;
import io.skillform.payment.PspEvent;
import io.skillform.platform.ClusterJob;
import io.skillform.platform.JobLeases;
import io.skillform.platform.Lease;
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
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the PSPs what our webhooks may have missed, so a lost webhook costs a delay, never a payment:
 * (1) every recent event, page by page, goes through the same inbox as a webhook (duplicates are recognised);
 * (2) each order still waiting for payment after {@code SKILLFORM_RECONCILE_PENDING_AFTER_SECONDS} has its
 * session read and applied; (3) events stuck unprocessed are queued again when their next attempt is due. Each pass is recorded. Runs every
 * {@code SKILLFORM_RECONCILE_INTERVAL_SECONDS} on one node of a cluster at a time (a lease in the database, kept by a
 * heartbeat: a node that dies mid-pass holds it for {@link io.skillform.platform.JobLeases#LENGTH} at most).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// One pass at a time on a node; a second caller (the admin's "reconcile now" during a timer pass) is told at once.
@AccessTimeout(0)
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
    /** How far back the first pass looks, and how much each pass overlaps the one before. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(3);
    static final Duration OVERLAP = Duration.ofMinutes(10);
    private static final int MAX_EVENT_PAGES = 100;
    private static final int ORDER_PAGE = 100;
    private static final int EVENT_PAGE = 100;
    /** Bounds a pass's requeueing: beyond it, the rest are the most overdue of the next pass. */
    private static final int MAX_REQUEUED = 2000;

    @Resource
    private TimerService timers;

    @Inject
    private ReconciliationJournal journal;

    @Inject
    private JobLeases leases;

    @Inject
    private PaymentGateways gateways;

    @Inject
    private PaymentEventInbox inbox;

    @Inject
    private Orders orders;

    @Inject
    private OrderPayments payments;

    @Inject
    private Earnings earnings;

    @Inject
    @ConfigProperty(name = "skillform.reconcile.interval-seconds", defaultValue = "300")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "skillform.reconcile.pending-after-seconds", defaultValue = "900")
    long pendingAfterSeconds;

    private final ClusterJob job = new ClusterJob("reconciliation");
    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void schedule() {
        job.schedule(timers, intervalSeconds, Duration.ofMinutes(1));
    }

    @Timeout
    void onTimer() {
        run(Duration.ofSeconds(pendingAfterSeconds));
    }

    /**
     * One pass; empty if another node holds the lease, or took it over during the pass (the pass then stops and is not
     * recorded). Orders younger than {@code pendingAfter} are left alone.
     */
    public Optional<ReconciliationRun> run(Duration pendingAfter) {
        return job.runLeased(leases, lease -> pass(pendingAfter, lease));
    }

    private ReconciliationRun pass(Duration pendingAfter, Lease lease) {
        Instant started = clock.instant();
        // From the last pass that read every event list: a pass that could not reach a PSP leaves its gap to the next.
        Instant since = journal.lastComplete().map(r -> r.startedAt().minus(OVERLAP)).orElse(started.minus(FIRST_LOOK_BACK));
        ReconciliationRun run = new ReconciliationRun(started);
        for (PaymentProvider provider : List.of(PaymentProvider.STRIPE, PaymentProvider.DEV)) {
            gateways.of(provider).ifPresent(gateway -> readEvents(gateway, since, run, lease));
        }
        checkWaitingOrders(started.minus(pendingAfter), run, lease);
        recordPspFees(started.minus(FIRST_LOOK_BACK), run, lease);
        requeueDueEvents(run, lease);
        run.finish(clock.instant());
        // Each step above is safe to repeat by a node that took the lease over (the inbox knows its events, an order
        // changes only by its rules, under its lock); the pass's record is written only while this node holds the lease.
        journal.record(run, lease);
        return run;
    }

    /**
     * Queues again every event whose next attempt is due, most overdue first, each then waiting longer before the next
     * (see {@link PaymentEvent#requeued}): events that keep failing — about payments that are not SkillForm's, until
     * they are settled as such — go to the back, and never keep the others from their turn.
     */
    private void requeueDueEvents(ReconciliationRun run, Lease lease) {
        List<PaymentEvent> due;
        int asked = 0;
        do {
            lease.requireHeld();
            due = inbox.dueForRequeue(clock.instant(), EVENT_PAGE);
            for (PaymentEvent event : due) {
                try {
                    if (inbox.requeue(event.id())) {
                        run.requeued();
                    }
                } catch (RuntimeException e) {
                    run.problem("event " + event.eventId() + " could not be queued again: " + e.getMessage());
                }
            }
            asked += due.size();
        } while (due.size() == EVENT_PAGE && asked < MAX_REQUEUED);
    }

    private void readEvents(PaymentGateway gateway, Instant since, ReconciliationRun run, Lease lease) {
        String after = null;
        try {
            for (int page = 0; page < MAX_EVENT_PAGES; page++) {
                lease.requireHeld();
                EventPage events = gateway.events(since, after);
                for (String raw : events.rawEvents()) {
                    try {
                        PspEvent event = PspEvent.parse(raw);
                        // Checked here, as the webhook endpoint does: inside the inbox (an EJB) it would end the pass.
                        PaymentFact.of(event);
                        run.eventSeen(inbox.receive(gateway.provider(), event, raw, PaymentEvent.Source.RECONCILIATION)
                                == PaymentEventInbox.Receipt.STORED);
                    } catch (IllegalArgumentException unreadable) {
                        run.problem(gateway.provider() + " sent an unreadable event: " + unreadable.getMessage());
                    }
                }
                if (!events.hasMore()) {
                    return;
                }
                after = events.lastId();
            }
            run.eventsIncomplete(gateway.provider() + ": more than " + MAX_EVENT_PAGES + " pages of events; older ones were not read");
        } catch (GatewayException e) {
            LOG.log(Level.WARNING, "Reconciliation could not list " + gateway.provider() + " events", e);
            run.eventsIncomplete(gateway.provider() + " events: " + e.getMessage());
        }
    }

    private void checkWaitingOrders(Instant createdBefore, ReconciliationRun run, Lease lease) {
        long after = 0;
        List<Order> page;
        do {
            lease.requireHeld();
            page = orders.awaitingPaymentSince(createdBefore, after, ORDER_PAGE);
            for (Order order : page) {
                after = order.id();
                check(order, run);
            }
        } while (page.size() == ORDER_PAGE);
    }

    /**
     * Asks the PSP what it charged for recent sales whose fee the ledger lacks (PSPs settle a payment's balance
     * transaction some time after the payment). A sale still unknown after {@link #FIRST_LOOK_BACK} is not asked again.
     */
    private void recordPspFees(Instant since, ReconciliationRun run, Lease lease) {
        long after = 0;
        List<Long> page;
        do {
            lease.requireHeld();
            page = earnings.awaitingPspFee(since, after, ORDER_PAGE);
            for (long orderId : page) {
                after = orderId;
                Optional<Order> order = orders.find(orderId);
                Optional<PaymentGateway> gateway = order.flatMap(o -> gateways.of(o.gateway()));
                if (gateway.isEmpty() || order.get().pspPaymentIntent().isEmpty()) {
                    continue;
                }
                try {
                    gateway.get().processingFee(order.get().pspPaymentIntent().get())
                            .ifPresent(fee -> earnings.recordPspFee(orderId, fee));
                } catch (GatewayException | RuntimeException e) {
                    // Recorded, and the pass goes on: one order's fee must not cost the others theirs.
                    run.problem("order " + orderId + " PSP fee: " + e.getMessage());
                }
            }
        } while (page.size() == ORDER_PAGE);
    }

    private void check(Order order, ReconciliationRun run) {
        Optional<PaymentGateway> gateway = gateways.of(order.gateway());
        if (order.pspSessionId().isPresent() && gateway.isEmpty()) {
            // It may well be paid there: say so, never expire it blind.
            run.problem("order " + order.id() + ": " + order.gateway() + " is not configured on this server");
            return;
        }
        if (order.pspSessionId().isEmpty()) {
            if (order.createdAt().isBefore(clock.instant().minus(Duration.ofDays(1)))) {
                // No session was ever opened (the PSP kept failing) and the buyer has gone: nothing can be paid.
                orders.abandon(order.id(), "reconciliation: no payment session after a day");
                run.orderChecked("expired");
            }
            return;
        }
        try {
            Optional<PaymentFact> fact = PaymentFact.of(gateway.get().session(order.pspSessionId().get()));
            run.orderChecked(fact.isEmpty() ? "still open"
                    : payments.reconcile(order.id(), fact.get(), "reconciliation"));
        } catch (GatewayException e) {
            run.problem("order " + order.id() + ": " + e.getMessage());
        }
    }
}
