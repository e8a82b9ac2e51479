package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.identity.CurrentAccount;
import io.skillform.ledger.AccountKind;
import io.skillform.ledger.EarningsReport;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/me/balance} (fixed interface): the token owner's earnings per currency, in minor units —
 * {@code {"balances":[{"currency","pending","available"}]}}; an empty list without a store or sales.
 */
@Path("/v1/me/balance")
@RequiresToken
public class BalanceResource {

    @Inject
    private CurrentAccount me;

    @Inject
    private Catalog catalog;

    @Inject
    private EarningsReport report;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        Map<Currency, Map<AccountKind, Long>> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        catalog.storeOf(me.requireId()).map(Store::id).map(report::accounts).orElse(List.of()).forEach(account ->
                byCurrency.computeIfAbsent(account.currency(), c -> new EnumMap<>(AccountKind.class)).put(account.kind(), account.shownBalance()));
        JsonArrayBuilder balances = Json.createArrayBuilder();
        byCurrency.forEach((currency, held) -> balances.add(Json.createObjectBuilder()
                .add("currency", currency.getCurrencyCode())
                .add("pending", held.getOrDefault(AccountKind.CREATOR_PENDING, 0L))
                .add("available", held.getOrDefault(AccountKind.CREATOR_AVAILABLE, 0L))));
        return Json.createObjectBuilder().add("balances", balances).build();
    }
}
