package io.skillform.api;

import io.skillform.checkout.Customer;
import io.skillform.checkout.Orders;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The store's customers (addresses with a paid order), by address: orders, spend net of refunds, first and last. */
@Path("/v1/customers")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    private static final String LIST = "u";

    @Inject
    private Creator creator;

    @Inject
    private Orders orders;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return Page.of(orders.customersOf(creator.store().id(), Cursor.text(LIST, cursor), size + 1), size,
                CustomersResource::customer, customer -> Cursor.ofText(LIST, customer.email()));
    }

    private static JsonObject customer(Customer customer) {
        JsonArrayBuilder spent = Json.createArrayBuilder();
        customer.spent().forEach(money -> spent.add(Representation.money(money)));
        return Json.createObjectBuilder()
                .add("email", customer.email())
                .add("orders", customer.orders())
                .add("spent", spent)
                .add("first_order_at", customer.firstOrderAt().toString())
                .add("last_order_at", customer.lastOrderAt().toString())
                .build();
    }
}
