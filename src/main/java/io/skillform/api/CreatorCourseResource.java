package io.skillform.api;

import io.skillform.course.CompletionRule;
import io.skillform.course.Course;
import io.skillform.course.CourseRelease;
import io.skillform.course.Curricula;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A creator's course (token): its draft curriculum and settings, and publishing the draft as the release learners take.
 * Learners never see the draft; a release never changes.
 */
@Path("/v1/products/{id}/course")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class CreatorCourseResource {

    @Inject
    private CourseDrafts drafts;

    @Inject
    private Curricula curricula;

    @GET
    public JsonObject get(@PathParam("id") String id) {
        return draft(drafts.course(id)).build();
    }

    /** The completion rule and the certificate; they reach learners with the next publication. */
    @PATCH
    @Consumes(MediaType.WILDCARD)
    public JsonObject settle(@PathParam("id") String id, String body) {
        Course course = drafts.course(id);
        JsonBody json = JsonBody.parse(body, "{\"completion_rule\"?: \"all\" | \"required\", \"certificate\"?: true}");
        CompletionRule rule = json.choice("completion_rule", CompletionRule.class).orElse(course.completionRule());
        boolean certificate = json.bool("certificate").orElse(course.certificate());
        return draft(CourseDrafts.refusing(() -> curricula.settle(drafts.owner(), course.productId(), rule, certificate))).build();
    }

    /** The draft becomes the course learners take (a new release); their progress is kept by the lessons' ids. */
    @POST
    @Path("publish")
    @Consumes(MediaType.WILDCARD)
    public Response publish(@PathParam("id") String id) {
        Course course = drafts.course(id);
        CourseRelease release = CourseDrafts.refusing(() -> curricula.publish(drafts.owner(), course.productId()));
        return Response.created(URI.create("v1/products/" + course.productId() + "/course"))
                .entity(Json.createObjectBuilder().add("version", release.version()).add("published_at", release.publishedAt().toString())
                        .build())
                .build();
    }

    private JsonObjectBuilder draft(Course course) {
        JsonArrayBuilder modules = Json.createArrayBuilder();
        for (int i = 0; i < course.modules().size(); i++) {
            modules.add(CourseDrafts.module(course.modules().get(i), i));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("product_id", course.productId())
                .add("completion_rule", course.completionRule().name().toLowerCase(Locale.ROOT))
                .add("certificate", course.certificate())
                .add("draft_changed_at", course.draftChangedAt().toString());
        Optional<CourseRelease> release = curricula.latestRelease(course.productId());
        release.ifPresentOrElse(r -> json.add("published_version", r.version()).add("published_at", r.publishedAt().toString()),
                () -> json.addNull("published_version").addNull("published_at"));
        return json.add("modules", modules);
    }
}
