package io.skillform.api;

import io.skillform.course.Course;
import io.skillform.course.CourseInsight;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** A creator's learners of one course (token), newest first, each with their progress: paged in the database. */
@Path("/v1/products/{id}/learners")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class CourseLearnersResource {

    private static final String LIST = "l";

    @Inject
    private CourseDrafts drafts;

    @Inject
    private CourseInsight insight;

    @GET
    public JsonObject learners(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Course course = drafts.course(id);
        int size = Page.limit(limit);
        Optional<Cursor.TimeAndId> after = Cursor.timeAndId(LIST, cursor);
        List<CourseInsight.LearnerRow> rows = insight.learnersBefore(course.productId(), after.map(Cursor.TimeAndId::at),
                after.map(Cursor.TimeAndId::id).orElse(0L), size + 1);
        return Page.of(rows, size, CourseLearnersResource::learner, row -> Cursor.of(LIST, row.enrolledAt(), row.enrolmentId()));
    }

    private static JsonObject learner(CourseInsight.LearnerRow row) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("enrollment_id", row.enrolmentId()).add("email", row.email())
                .add("enrolled_at", row.enrolledAt().toString()).add("active", row.active()).add("completed_lessons", row.lessonsDone());
        Representation.time(json, "last_active_at", row.lastActiveAt().orElse(null));
        return Representation.time(json, "completed_at", row.completedAt().orElse(null)).build();
    }
}
