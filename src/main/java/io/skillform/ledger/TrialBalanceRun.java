package io.skillform.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One trial balance: what it checked and every discrepancy it found. */
@Entity
@Table(name = "trial_balance_run")
public class TrialBalanceRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false, updatable = false)
    private Instant finishedAt;

    @Column(nullable = false, updatable = false)
    private long transactions;

    @Column(nullable = false, updatable = false)
    private long postings;

    @Column(nullable = false, updatable = false)
    private long accounts;

    @Column(nullable = false, updatable = false)
    private int problems;

    @Column(length = 4000, updatable = false)
    private String report;

    protected TrialBalanceRun() {
        // for JPA
    }

    TrialBalanceRun(Instant startedAt, Instant finishedAt, long transactions, long postings, long accounts, List<String> problems) {
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.transactions = transactions;
        this.postings = postings;
        this.accounts = accounts;
        this.problems = problems.size();
        String text = String.join("\n", problems);
        this.report = problems.isEmpty() ? null : text.length() <= 4000 ? text : text.substring(0, 3990) + "\n…";
    }

    public boolean isBalanced() {
        return problems == 0;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }

    public long transactions() {
        return transactions;
    }

    public long postings() {
        return postings;
    }

    public long accounts() {
        return accounts;
    }

    public int problems() {
        return problems;
    }

    public List<String> report() {
        return report == null ? List.of() : new ArrayList<>(List.of(report.split("\n")));
    }
}
