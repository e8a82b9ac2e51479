package io.skillform.ledger;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.identity.CurrentAccount;
import io.skillform.payout.PayoutException;
import io.skillform.payout.Payouts;
import io.skillform.platform.DateFormatter;
import io.skillform.platform.PageMessages;
import io.skillform.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs /dashboard/earnings: balances and lifetime totals per currency, a chart of daily net earnings (30 or 90
 * days), the ledger's lines for a date range (paged in the database) and its CSV export, payouts.
 */
@Named
@ViewScoped
public class EarningsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient EarningsReport report;

    @Inject
    private transient Payouts payouts;

    @Inject
    private transient Catalog catalog;

    @Inject
    private CurrentAccount me;

    @Inject
    private LedgerSettings settings;

    @Inject
    private DateFormatter dates;

    private final Clock clock = Clock.systemUTC();

    private Long storeId;
    private List<CurrencyEarnings> summary;
    private String chartCurrency;
    private int chartDays = 30;
    private String chart;
    private LocalDate from;
    private LocalDate to;
    private Lines lines;

    @PostConstruct
    void load() {
        Optional<Store> store = catalog.storeOf(me.requireId());
        to = today();
        from = to.minusDays(89);
        if (store.isEmpty()) {
            summary = List.of();
            return;
        }
        storeId = store.get().id();
        summary = report.summary(storeId);
        chartCurrency = summary.isEmpty() ? store.get().defaultCurrency().getCurrencyCode() : summary.get(0).currency().getCurrencyCode();
        lines = new Lines(report, storeId, from, to);
        drawChart();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A Chart.js bar chart of net earnings per day, in major units. */
    public void drawChart() {
        if (storeId == null) {
            return;
        }
        Currency currency = Currency.getInstance(chartCurrency);
        LocalDate last = today();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (DayEarnings day : report.daily(storeId, currency, last.minusDays(chartDays - 1L), last)) {
            labels.add(day.day().toString());
            values.add(Money.of(day.netMinor(), currency).toMajor());
        }
        chart = Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", PageMessages.text("earnings.chartLabel", currency.getCurrencyCode()))
                                .add("data", values)
                                .add("backgroundColor", "#2f6fde"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }

    /** Shows the lines of the chosen date range; a range that ends before it starts changes nothing shown. */
    public void filter() {
        if (from == null || to == null || from.isAfter(to)) {
            PageMessages.errorFor("lines:from", PageMessages.text("earnings.badRange"));
            from = lines.from;
            to = lines.to;
            return;
        }
        lines = new Lines(report, storeId, from, to);
    }

    /** Pays out everything available in a currency. */
    public void payOut(String currencyCode) {
        summary.stream().filter(s -> s.currency().getCurrencyCode().equals(currencyCode)).findFirst().ifPresent(s -> {
            try {
                Money paid = payouts.requestAll(storeId, s.currency(), me.requireId()).amount();
                PageMessages.info("earnings.paidOut.message", paid.format(Locale.US));
            } catch (PayoutException e) {
                PageMessages.errorText(e.getMessage());
            }
        });
        summary = report.summary(storeId);
        lines = new Lines(report, storeId, from, to);
    }

    /** When pending money becomes available: the holding period, and the date of the next release. */
    public String pendingNote(CurrencyEarnings earnings) {
        String holding = span(settings.terms().holding());
        return report.nextRelease(storeId, earnings.currency())
                .map(next -> PageMessages.text("earnings.pendingNote", holding, dates.format(next)))
                .orElseGet(() -> PageMessages.text("earnings.pendingRule", holding));
    }

    /** "7 days", "5 minutes": the holding period in its largest whole unit. */
    private static String span(Duration holding) {
        if (holding.toDays() > 0 && holding.toHours() % 24 == 0) {
            return PageMessages.text("earnings.span.days", holding.toDays());
        }
        return holding.toHours() > 0 && holding.toMinutes() % 60 == 0 ? PageMessages.text("earnings.span.hours", holding.toHours())
                : PageMessages.text("earnings.span.minutes", holding.toMinutes());
    }

    public boolean hasStore() {
        return storeId != null;
    }

    public List<CurrencyEarnings> getSummary() {
        return summary;
    }

    public List<String> getCurrencies() {
        return summary.stream().map(s -> s.currency().getCurrencyCode()).toList();
    }

    public String getChart() {
        return chart;
    }

    public String getChartCurrency() {
        return chartCurrency;
    }

    public void setChartCurrency(String chartCurrency) {
        if (getCurrencies().contains(chartCurrency)) {
            this.chartCurrency = chartCurrency;
        }
    }

    public int getChartDays() {
        return chartDays;
    }

    public void setChartDays(int chartDays) {
        this.chartDays = chartDays == 90 ? 90 : 30;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public LazyDataModel<LedgerLine> getLines() {
        return lines;
    }

    /** The CSV export of the range shown. */
    public String getExportQuery() {
        return "from=" + lines.from + "&to=" + lines.to;
    }

    /** For the amount column: the sign written out, money in shown positive. */
    public String signed(Money amount) {
        return (amount.isNegative() ? "−" : "+") + Money.of(Math.abs(amount.minor()), amount.currency()).format(Locale.US);
    }

    static final class Lines extends LazyDataModel<LedgerLine> {

        private static final long serialVersionUID = 1L;

        private final transient EarningsReport report;
        private final long storeId;
        private final LocalDate from;
        private final LocalDate to;

        Lines(EarningsReport report, long storeId, LocalDate from, LocalDate to) {
            this.report = report;
            this.storeId = storeId;
            this.from = from;
            this.to = to;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, report.lineCount(storeId, from, to));
        }

        @Override
        public List<LedgerLine> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return report.lines(storeId, from, to, first, pageSize);
        }

        @Override
        public String getRowKey(LedgerLine line) {
            return String.valueOf(line.id());
        }
    }
}
