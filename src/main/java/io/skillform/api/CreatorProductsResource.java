package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.CatalogException;
import io.skillform.catalog.DownloadPolicy;
import io.skillform.catalog.Pricing;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.ProductRevision;
import io.skillform.catalog.ProductStatus;
import io.skillform.catalog.ProductType;
import io.skillform.catalog.Slug;
import io.skillform.platform.Ids;
import io.skillform.platform.Site;
import io.skillform.storage.Sizes;
import io.skillform.storage.TooLargeException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A creator's own products (personal API token): list, create, read, change, publish, archive, and files streamed
 * straight into storage under the same size limit as the dashboard. Another creator's product is 404, like a missing
 * one.
 */
@Path("/v1/products")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class CreatorProductsResource {

    private static final String LIST = "c";
    private static final String CREATE_SHAPE = "{\"slug\", \"title\", \"type\"?, \"description\"?, \"price\", \"pricing\"?,"
            + " \"download_limit\"?, \"link_lifetime_hours\"?}";

    @Inject
    private Creator creator;

    @Inject
    private Catalog catalog;

    @Inject
    private ProductMedia media;

    @Inject
    private Site site;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @QueryParam("status") String status) {
        int size = Page.limit(limit);
        creator.store();
        return Page.of(catalog.productsOf(creator.id(), Enums.parse("status", status, ProductStatus.class), Cursor.id(LIST, cursor), size + 1),
                size, product -> Representation.managed(site, product).build(), product -> Cursor.of(LIST, product.id()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        creator.store();
        JsonBody json = JsonBody.parse(body, CREATE_SHAPE);
        Slug slug = json.valid("slug", json.text("slug"), Slug::new)
                .orElseThrow(() -> new ApiException(Problem.invalid("slug", "is required: the product's address in your store, e.g. field-guide")));
        ProductRevision revision = revision(json, null);
        // A course's curriculum is built under /products/{id}/course and /modules.
        ProductType type = json.choice("type", ProductType.class).orElse(ProductType.DOWNLOAD);
        Product product = change(() -> catalog.createProduct(creator.id(), slug, revision, type));
        return Response.created(URI.create("v1/products/" + product.id()))
                .entity(Representation.managed(site, product).build()).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return Representation.managed(site, owned(id)).build();
    }

    /**
     * Changes only the fields given. With {@code If-Match} (the ETag of a read), a change made meanwhile by someone
     * else is not overwritten: 412.
     */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject revise(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        Product current = owned(id);
        ProductRevision revision = revision(JsonBody.parse(body, "{\"title\"?, \"description\"?, \"price\"?, \"pricing\"?,"
                + " \"download_limit\"?, \"link_lifetime_hours\"?}"), current);
        Predicate<Product> stillAsRead = ifMatch == null || ifMatch.equals("*") ? product -> true
                : locked -> matches(ifMatch, ETags.of(Representation.managed(site, locked).build().toString()));
        return Representation.managed(site, change(() -> catalog.reviseProduct(creator.id(), current.id(), revision, stillAsRead))).build();
    }

    @POST
    @Path("{id}/publish")
    public JsonObject publish(@PathParam("id") String id) {
        long productId = owned(id).id();
        return Representation.managed(site, change(() -> catalog.publish(creator.id(), productId))).build();
    }

    @POST
    @Path("{id}/unpublish")
    public JsonObject unpublish(@PathParam("id") String id) {
        long productId = owned(id).id();
        return Representation.managed(site, change(() -> catalog.unpublish(creator.id(), productId))).build();
    }

    /** Products are archived, never deleted: orders and buyers' libraries keep referring to them. */
    @DELETE
    @Path("{id}")
    public JsonObject archive(@PathParam("id") String id) {
        long productId = owned(id).id();
        return Representation.managed(site, change(() -> catalog.archive(creator.id(), productId))).build();
    }

    /**
     * The request body is the file, streamed to storage as it arrives (never held in memory); {@code name} is the file
     * name buyers see. Past the upload limit the transfer is cut off and nothing is kept.
     */
    @POST
    @Path("{id}/files")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @QueryParam("name") String name, InputStream content) {
        long productId = owned(id).id();
        if (name == null || name.isBlank()) {
            throw new ApiException(Problem.invalid("name", "is required: the file name buyers see, e.g. ?name=guide.pdf"));
        }
        try {
            ProductFile file = media.addFile(creator.id(), productId, name, content);
            return Response.created(URI.create("v1/products/" + productId)).entity(Representation.file(file).build()).build();
        } catch (TooLargeException e) {
            throw new ApiException(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "This file is larger than the upload limit of " + Sizes.format(e.limit()) + ". Nothing was kept."));
        } catch (CatalogException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new ApiException(Problem.response(Response.Status.BAD_REQUEST, "The upload was interrupted. Nothing was kept; send the file again."));
        }
    }

    @DELETE
    @Path("{id}/files/{fileId}")
    public Response removeFile(@PathParam("id") String id, @PathParam("fileId") String fileId) {
        long productId = owned(id).id();
        long file = Ids.parse(fileId).orElseThrow(() -> notFound("No file " + fileId + " in this product."));
        change(() -> media.removeFile(creator.id(), productId, file));
        return Response.noContent().build();
    }

    private static boolean matches(String ifMatch, EntityTag current) {
        try {
            return EntityTag.valueOf(ifMatch.strip()).equals(current);
        } catch (IllegalArgumentException notATag) {
            return false; // a value that is no tag matches nothing: the change is refused, never applied blindly
        }
    }

    /** What the body says, over what the product is now (for a partial change) or the defaults (for a new product). */
    private static ProductRevision revision(JsonBody json, Product current) {
        String title = json.valid("title", json.text("title"), Product::requireTitle)
                .or(() -> current == null ? Optional.empty() : Optional.of(current.title()))
                .orElseThrow(() -> new ApiException(Problem.invalid("title", "is required: 1–140 characters")));
        String description = json.valid("description", json.text("description"), Product::requireDescription)
                .orElse(current == null ? "" : current.description());
        long price = json.number("price", 0, Product.MAX_PRICE_MINOR, "is a whole number of minor units (cents) in your store's currency, 0 or more")
                .or(() -> current == null ? Optional.empty() : Optional.of(current.price().minor()))
                .orElseThrow(() -> new ApiException(Problem.invalid("price", "is required: minor units (cents), 0 for free")));
        Pricing pricing = json.choice("pricing", Pricing.class).orElse(current == null ? Pricing.FIXED : current.pricing());
        int limit = json.number("download_limit", 1, DownloadPolicy.MAX_DOWNLOADS,
                        "is the number of downloads a link allows, 1 to " + DownloadPolicy.MAX_DOWNLOADS)
                .map(Math::toIntExact).orElse(current == null ? DownloadPolicy.DEFAULT_DOWNLOADS : current.downloadPolicy().downloadLimit());
        int hours = json.number("link_lifetime_hours", 1, DownloadPolicy.MAX_HOURS,
                        "is the number of hours a link works, 1 to " + DownloadPolicy.MAX_HOURS)
                .map(Math::toIntExact).orElse(current == null ? DownloadPolicy.DEFAULT_HOURS : current.downloadPolicy().linkLifetimeHours());
        return new ProductRevision(title, description, price, pricing, limit, hours);
    }

    private Product owned(String id) {
        long productId = Ids.parse(id).orElseThrow(() -> notFound("No product " + id + "."));
        creator.store();
        return change(() -> catalog.ownedProduct(creator.id(), productId));
    }

    /** Runs a catalog use case; its refusals become problems: not found → 404, a broken rule → 409 with its reason. */
    private static <T> T change(Supplier<T> action) {
        try {
            return action.get();
        } catch (CatalogException e) {
            throw refusal(e);
        }
    }

    private static ApiException refusal(CatalogException e) {
        if (e instanceof CatalogException.NotFound) {
            return notFound(e.getMessage() + ".");
        }
        if (e instanceof CatalogException.Stale) {
            return new ApiException(Problem.response(Response.Status.PRECONDITION_FAILED,
                    e.getMessage() + " (If-Match). Read it again and re-apply your change."));
        }
        return new ApiException(Problem.response(Response.Status.CONFLICT, e.getMessage() + "."));
    }

    private static ApiException notFound(String detail) {
        return new ApiException(Problem.response(Response.Status.NOT_FOUND, detail));
    }
}
