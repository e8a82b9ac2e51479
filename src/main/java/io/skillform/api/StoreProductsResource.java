package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Pricing;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductPosition;
import io.skillform.catalog.Store;
import io.skillform.catalog.StoreHandle;
import io.skillform.course.CourseRelease;
import io.skillform.course.Curricula;
import io.skillform.course.PublishedCourse;
import io.skillform.platform.Ids;
import io.skillform.platform.Site;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A store's published products, public (fixed interface): {@code GET /api/v1/stores/{handle}/products?limit=&cursor=}
 * → {@code {"data":[{"id","slug","title","price":{"amount","currency"}}…],"next":cursor-or-null}}, newest first, and
 * {@code GET …/products/{id}} with prices, cover URL and the files' names and sizes (never their contents).
 */
@Path("/v1/stores/{handle}/products")
@Produces(MediaType.APPLICATION_JSON)
public class StoreProductsResource {

    private static final String LIST = "p";

    @Inject
    private Catalog catalog;

    @Inject
    private Site site;

    @Inject
    private Curricula curricula;

    @Inject
    private Clock clock;

    @GET
    public JsonObject list(@PathParam("handle") String handle, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        Store store = store(handle);
        Optional<ProductPosition> after = Cursor.timeAndId(LIST, cursor).map(at -> new ProductPosition(at.at(), at.id()));
        return Page.of(catalog.publishedIn(store, after, size + 1), size, product -> summary(product).build(),
                product -> Cursor.of(LIST, product.publishedAt(), product.id()));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("handle") String handle, @PathParam("id") String id) {
        Store store = store(handle);
        Product product = Ids.parse(id).flatMap(catalog::findPublished).filter(p -> p.store().id().equals(store.id()))
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No published product " + id + " in this store.")));
        JsonArrayBuilder files = Json.createArrayBuilder();
        // A course's files belong to its lessons, for its learners: the curriculum says what it holds.
        for (ProductFile file : product.isCourse() ? List.<ProductFile>of() : product.filesFor(clock.instant())) {
            files.add(Json.createObjectBuilder().add("name", file.fileName().value()).add("size", file.sizeBytes()));
        }
        JsonObjectBuilder body = summary(product)
                .add("type", product.isCourse() ? "course" : "download");
        if (product.isCourse()) {
            curricula.latestRelease(product.id()).map(CourseRelease::course).ifPresent(course -> body.add("curriculum", outline(course)));
        }
        body.add("description", product.description())
                .add("pricing", product.pricing() == Pricing.FIXED ? "fixed" : "pay_what_you_want")
                .add("url", Representation.storefrontUrl(site, product))
                .add("files", files)
                .add("published_at", product.publishedAt().toString());
        return Representation.text(body, "cover_url", Representation.coverUrl(site, product)).build();
    }

    /** The modules and lessons' titles, durations and previews: what a buyer may know before buying, no content. */
    private static JsonArrayBuilder outline(PublishedCourse course) {
        JsonArrayBuilder modules = Json.createArrayBuilder();
        for (PublishedCourse.Module module : course.modules()) {
            JsonArrayBuilder lessons = Json.createArrayBuilder();
            module.lessons().forEach(lesson -> lessons.add(Json.createObjectBuilder().add("id", lesson.id()).add("title", lesson.title())
                    .add("duration_seconds", lesson.durationSeconds()).add("free_preview", lesson.freePreview())));
            modules.add(Json.createObjectBuilder().add("title", module.title()).add("lessons", lessons));
        }
        return modules;
    }

    private static JsonObjectBuilder summary(Product product) {
        return Json.createObjectBuilder()
                .add("id", product.id())
                .add("slug", product.slug().value())
                .add("title", product.title())
                .add("price", Representation.money(product.price()));
    }

    private Store store(String handle) {
        return StoreHandle.parse(handle).flatMap(catalog::findOpenStore)
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No store @" + handle + ".")));
    }
}
