package io.skillform.ledger;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.identity.CurrentAccount;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /dashboard/earnings.csv?from=YYYY-MM-DD&to=YYYY-MM-DD}: the signed-in creator's ledger lines in the
 * range (both days included, UTC; the whole history without them), oldest first. Streamed a page at a time, so
 * any range costs constant memory and the first bytes leave at once.
 */
@WebServlet("/dashboard/earnings.csv")
public class EarningsCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 1000;
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    @Inject
    private transient EarningsReport report;

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient CurrentAccount me;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Store> store = catalog.storeOf(me.requireId());
        if (store.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Open a store to have earnings.");
            return;
        }
        LocalDate from;
        LocalDate to;
        try {
            from = date(request.getParameter("from"), BEGINNING);
            to = date(request.getParameter("to"), LocalDate.now(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Dates are YYYY-MM-DD, e.g. from=2026-01-01&to=2026-01-31.");
            return;
        }
        if (from.isAfter(to)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The start date is after the end date.");
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"earnings-" + store.get().handle().value() + "-" + from + "-" + to + ".csv\"");
        Writer out = response.getWriter();
        out.write("posted_at,transaction,memo,order_id,account,currency,amount,balance_after\r\n");
        long storeId = store.get().id();
        LedgerLine last = null;
        List<LedgerLine> page;
        do {
            page = report.linesAfter(storeId, from, to, last, PAGE);
            for (LedgerLine line : page) {
                out.write(line.postedAt() + "," + line.kind() + "," + text(line.memo()) + "," + line.order().map(String::valueOf).orElse("")
                        + "," + line.account() + "," + line.amount().currency().getCurrencyCode() + "," + line.amount().toMajor().toPlainString()
                        + "," + line.balanceAfter().toMajor().toPlainString() + "\r\n");
                last = line;
            }
            out.flush();
        } while (page.size() == PAGE);
    }

    /** A day from 2000 to 9999 (what the database's timestamps hold). */
    private static LocalDate date(String text, LocalDate otherwise) {
        LocalDate date = text == null || text.isBlank() ? otherwise : LocalDate.parse(text.strip());
        if (date.isBefore(BEGINNING) || date.getYear() > 9999) {
            throw new DateTimeException("out of range: " + date);
        }
        return date;
    }

    /** Quoted (RFC 4180), and never read as a formula by a spreadsheet. */
    private static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
