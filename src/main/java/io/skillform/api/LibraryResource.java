package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.catalog.StoreHandle;
import io.skillform.catalog.WebOrigin;
import io.skillform.checkout.Orders;
import io.skillform.delivery.DeliveryException;
import io.skillform.delivery.Library;
import io.skillform.identity.EmailAddress;
import io.skillform.platform.Ids;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A buyer's library over the API, for storefronts of the creator's own. The buyer proves their address with a one-time
 * link mailed to it ({@code POST /links}; with {@code store} and {@code return_url} the link opens the creator's page,
 * whose origin the store must allow); the page exchanges the link's token for a library token ({@code POST /sessions},
 * {@code sfl_…}, 12 hours) and reads the purchases and fresh download links with it. A browser signed in to SkillForm
 * itself may use its session instead ({@link LibraryViewers}). A course's files are not listed here: they are downloaded from
 * their lessons ({@link LibraryLessonsResource}).
 */
@Path("/v1/library")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    private static final String LIST = "b";
    private static final String BEARER = "Bearer ";

    @Inject
    private Library library;

    @Inject
    private Catalog catalog;

    @Inject
    private Orders orders;

    @Inject
    private LibraryViewers viewers;

    /** Always 202 with the same body: whether the address bought anything is not revealed. */
    @POST
    @Path("links")
    @Consumes(MediaType.WILDCARD)
    public Response sendLink(String body) {
        JsonBody json = JsonBody.parse(body, "{\"email\", \"store\"?, \"return_url\"?}");
        EmailAddress email = json.text("email").flatMap(EmailAddress::parse)
                .orElseThrow(() -> new ApiException(Problem.invalid("email", "is required: the address the purchases were made with")));
        Optional<String> handle = json.text("store");
        Optional<String> returnUrl = json.text("return_url");
        if (handle.isPresent() != returnUrl.isPresent()) {
            throw new ApiException(Problem.invalid(handle.isPresent() ? "return_url" : "store",
                    "goes with " + (handle.isPresent() ? "store" : "return_url") + ": the link opens your page for your store's purchases"));
        }
        if (handle.isPresent()) {
            Store store = handle.flatMap(StoreHandle::parse).flatMap(catalog::findStore)
                    .orElseThrow(() -> new ApiException(Problem.invalid("store", "is not a store's handle")));
            WebOrigin origin = json.valid("return_url", returnUrl, WebOrigin::parseUrl).orElseThrow();
            if (!store.allows(origin)) {
                throw new ApiException(Problem.invalid("return_url", "must be on an origin the store allows (" + origin
                        + " is not; the creator adds it in the dashboard under API)"));
            }
            library.sendLink(email, store.id(), returnUrl.get());
        } else {
            library.sendLink(email);
        }
        return Response.accepted(Json.createObjectBuilder().add("sent", true).build()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("sessions")
    @Consumes(MediaType.WILDCARD)
    public Response openSession(String body) {
        String token = JsonBody.parse(body, "{\"token\"}").text("token")
                .orElseThrow(() -> new ApiException(Problem.invalid("token", "is required: the token of the link mailed to the buyer")));
        Library.Access access;
        try {
            access = library.openForApi(token).orElseThrow(() -> new ApiException(Problem.response(Response.Status.UNAUTHORIZED,
                    "This library link is unknown. Ask for a new one.")));
        } catch (DeliveryException.Spent spent) {
            throw new ApiException(Problem.response(Response.Status.GONE, spent.getMessage()));
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("access_token", access.token())
                        .add("expires_at", access.expiresAt().toString()).build())
                .build();
    }

    @GET
    public JsonObject list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        List<Library.Entry> entries = library.of(viewers.of(authorization), Cursor.id(LIST, cursor), size + 1);
        Map<Long, String> references = orders.referencesOf(entries.stream().map(Library.Entry::orderId).toList());
        return Page.of(entries, size, entry -> entry(entry, references.get(entry.orderId())), entry -> Cursor.of(LIST, entry.orderId()));
    }

    /**
     * A fresh download link, like the library page's: it draws on the purchase's downloads of the file, shared by all its
     * links. A refunded purchase's file, or one whose downloads are used up, is 410.
     */
    @POST
    @Path("files/{id}/links")
    public Response link(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Library.Viewer viewer = viewers.of(authorization);
        long grant = Ids.parse(id).orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No file " + id + " in your library.")));
        try {
            Library.IssuedLink link = library.link(viewer, grant);
            return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder().add("url", link.url()).add("expires_at", link.expiresAt().toString())
                            .add("downloads_left", link.downloadsLeft()).build())
                    .build();
        } catch (DeliveryException.Revoked | DeliveryException.UsedUp gone) {
            throw new ApiException(Problem.response(Response.Status.GONE, gone.getMessage()));
        } catch (DeliveryException missing) {
            throw new ApiException(Problem.response(Response.Status.NOT_FOUND, missing.getMessage()));
        }
    }

    private static JsonObject entry(Library.Entry entry, String orderId) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        entry.files().forEach(file -> {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", file.grantId())
                    .add("name", file.fileName())
                    .add("size", file.size())
                    .add("revoked", file.revoked())
                    .add("downloads_left", file.downloadsLeft());
            files.add(Representation.time(json, "link_expires_at", file.linkExpiresAt()));
        });
        return Json.createObjectBuilder()
                .add("order_id", orderId)
                .add("title", entry.title())
                .add("store", entry.storeName())
                .add("bought_at", entry.boughtAt().toString())
                .add("files", files)
                .build();
    }
}
