package io.skillform.api;

import io.skillform.checkout.Orders;
import io.skillform.ledger.EarningsReport;
import io.skillform.ledger.LedgerLine;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lines of the token owner's ledger — each posting to their pending, available or paid-out account, money coming
 * to them positive, with the account's balance after it — newest first, optionally between two UTC dates.
 */
@Path("/v1/ledger/lines")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private static final String LIST = "l";
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    @Inject
    private Creator creator;

    @Inject
    private EarningsReport report;

    @Inject
    private Orders orders;

    @Inject
    private Clock clock;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        int size = Page.limit(limit);
        LocalDate first = date("from", from).orElse(BEGINNING);
        LocalDate last = date("to", to).orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (last.isBefore(first)) {
            throw new ApiException(Problem.invalid("to", "is before from"));
        }
        Optional<Cursor.TimeAndId> after = Cursor.timeAndId(LIST, cursor);
        List<LedgerLine> lines = report.linesBefore(creator.store().id(), first, last, after.map(Cursor.TimeAndId::at),
                after.map(Cursor.TimeAndId::id).orElse(0L), size + 1);
        Map<Long, String> references = orders.referencesOf(lines.stream().map(LedgerLine::orderId).filter(Objects::nonNull).distinct().toList());
        return Page.of(lines, size, line -> {
            JsonObjectBuilder body = Json.createObjectBuilder()
                    .add("id", line.id())
                    .add("posted_at", line.postedAt().toString())
                    .add("kind", Enums.name(line.kind()))
                    .add("memo", line.memo());
            Representation.text(body, "order_id", line.order().map(references::get));
            return body.add("account", Enums.name(line.account()).substring("creator_".length()))
                    .add("amount", Representation.money(line.amount()))
                    .add("balance_after", Representation.money(line.balanceAfter()))
                    .build();
        }, line -> Cursor.of(LIST, line.postedAt(), line.id()));
    }

    private static Optional<LocalDate> date(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (!date.isBefore(BEGINNING) && date.getYear() < 9999) {
                return Optional.of(date);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new ApiException(Problem.invalid(parameter, "is a date like 2026-11-01 (UTC), from 2000 on"));
    }
}
