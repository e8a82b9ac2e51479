package io.skillform.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one reconciliation pass asked the PSPs and what it changed. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "events_seen", nullable = false)
    private int eventsSeen;

    @Column(name = "events_new", nullable = false)
    private int eventsNew;

    @Column(name = "orders_checked", nullable = false)
    private int ordersChecked;

    @Column(name = "orders_completed", nullable = false)
    private int ordersCompleted;

    @Column(name = "orders_expired", nullable = false)
    private int ordersExpired;

    @Column(name = "events_requeued", nullable = false)
    private int eventsRequeued;

    @Column(length = 2000)
    private String problems;

    @Column(name = "events_complete", nullable = false)
    private boolean eventsComplete = true;

    private transient List<String> problemList = new ArrayList<>();

    protected ReconciliationRun() {
        // for JPA
    }

    ReconciliationRun(Instant startedAt) {
        this.startedAt = startedAt;
    }

    void eventSeen(boolean isNew) {
        eventsSeen++;
        if (isNew) {
            eventsNew++;
        }
    }

    void orderChecked(String outcome) {
        ordersChecked++;
        if (outcome.startsWith("paid")) {
            ordersCompleted++;
        } else if (outcome.startsWith("expired")) {
            ordersExpired++;
        }
    }

    void requeued() {
        eventsRequeued++;
    }

    /** Some events may not have been read: the next pass must look back as far as this one did. */
    void eventsIncomplete(String why) {
        eventsComplete = false;
        problem(why);
    }

    void problem(String what) {
        problemList.add(what);
    }

    void finish(Instant now) {
        finishedAt = now;
        String joined = String.join("; ", problemList);
        problems = joined.isEmpty() ? null : joined.length() <= 2000 ? joined : joined.substring(0, 2000);
    }

    public Long id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int eventsSeen() {
        return eventsSeen;
    }

    public int eventsNew() {
        return eventsNew;
    }

    public int ordersChecked() {
        return ordersChecked;
    }

    public int ordersCompleted() {
        return ordersCompleted;
    }

    public int ordersExpired() {
        return ordersExpired;
    }

    public int eventsRequeued() {
        return eventsRequeued;
    }

    public String problems() {
        return problems;
    }
}
