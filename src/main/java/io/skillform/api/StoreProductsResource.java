package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Pricing;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductPosition;
import io.skillform.catalog.Store;
import io.skillform.catalog.StoreHandle;
import io.skillform.platform.Site;
import io.skillform.shared.Money;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A store's published products, public (fixed interface): {@code GET /api/v1/stores/{handle}/products?limit=&cursor=}
 * → {@code {"data":[{"id","slug","title","price":{"amount","currency"}}…],"next":cursor-or-null}}, newest first, and
 * {@code GET …/products/{id}} with prices, cover URL and the files' names and sizes (never their contents). Reads carry
 * an ETag; {@code If-None-Match} gets 304.
 */
@Path("/v1/stores/{handle}/products")
@Produces(MediaType.APPLICATION_JSON)
public class StoreProductsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    private Catalog catalog;

    @Inject
    private Site site;

    @Inject
    private Clock clock;

    @Context
    private Request request;

    @GET
    public Response list(@PathParam("handle") String handle, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = limit(limit);
        Store store = store(handle);
        List<Product> page = catalog.publishedIn(store, Cursor.product(cursor), size + 1);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.stream().limit(size).forEach(product -> data.add(summary(product)));
        JsonObjectBuilder body = Json.createObjectBuilder().add("data", data);
        if (page.size() > size) {
            body.add("next", Cursor.of(ProductPosition.of(page.get(size - 1))));
        } else {
            body.addNull("next");
        }
        return withETag(body.build());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("handle") String handle, @PathParam("id") String id) {
        Store store = store(handle);
        Product product = parseId(id).flatMap(catalog::findPublished).filter(p -> p.store().id().equals(store.id()))
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No published product " + id + " in this store.")));
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (ProductFile file : product.filesFor(clock.instant())) {
            files.add(Json.createObjectBuilder().add("name", file.fileName().value()).add("size", file.sizeBytes()));
        }
        JsonObjectBuilder body = summary(product)
                .add("description", product.description())
                .add("pricing", product.pricing() == Pricing.FIXED ? "fixed" : "pay_what_you_want")
                .add("url", site.url("/@" + store.handle().value() + "/" + product.slug().value()))
                .add("files", files)
                .add("published_at", product.publishedAt().toString());
        product.cover().ifPresentOrElse(cover -> body.add("cover_url", site.url("/covers/" + cover.id())), () -> body.addNull("cover_url"));
        return withETag(body.build());
    }

    private static JsonObjectBuilder summary(Product product) {
        return Json.createObjectBuilder()
                .add("id", product.id())
                .add("slug", product.slug().value())
                .add("title", product.title())
                .add("price", money(product.price()));
    }

    static JsonObjectBuilder money(Money money) {
        return Json.createObjectBuilder().add("amount", money.minor()).add("currency", money.currency().getCurrencyCode());
    }

    private Store store(String handle) {
        return StoreHandle.parse(handle).flatMap(catalog::findStore)
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No store @" + handle + ".")));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ApiException(Problem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }

    private static Optional<Long> parseId(String id) {
        return id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    /** A strong ETag of the body: the same representation, the same tag; a matching If-None-Match gets 304. */
    private Response withETag(JsonObject body) {
        String json = body.toString();
        EntityTag tag = new EntityTag(sha256(json).substring(0, 32));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")))
                .tag(tag).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
